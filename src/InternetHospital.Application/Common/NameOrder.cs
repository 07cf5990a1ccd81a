using System.Globalization;

namespace InternetHospital.Application.Common;

/// <summary>
/// How people's and teams' names are put in order: Chinese collation (Hanzi by pinyin, 陈 before 李 before 王), the
/// order a Chinese reader looks for in a list, where code-point order would scatter them. The database sorts the
/// same way (a column collation: ICU "zh" in PostgreSQL, this comparer registered with SQLite).
/// </summary>
public static class NameOrder
{
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);
}
