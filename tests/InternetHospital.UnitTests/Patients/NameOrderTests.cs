using InternetHospital.Application.Common;

namespace InternetHospital.UnitTests.Patients;

public sealed class NameOrderTests
{
    [Fact]
    public void Chinese_names_sort_by_pinyin_not_by_code_point()
    {
        string[] names = ["张伟", "王芳", "陈静", "赵敏", "李伟", "刘洋", "艾青"];

        Assert.Equal(["艾青", "陈静", "李伟", "刘洋", "王芳", "张伟", "赵敏"], names.Order(NameOrder.Comparer));
        Assert.NotEqual(names.Order(NameOrder.Comparer), names.Order(StringComparer.Ordinal));
    }
}
