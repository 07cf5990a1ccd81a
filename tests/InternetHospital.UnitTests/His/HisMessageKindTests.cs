using System.Runtime.CompilerServices;
using InternetHospital.Application.His;
using InternetHospital.Infrastructure.His.Delivery;

namespace InternetHospital.UnitTests.His;

public sealed class HisMessageKindTests
{
    [Fact]
    public void Every_message_record_has_a_kind_the_dispatcher_can_read_back()
    {
        var types = typeof(HisMessage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(HisMessage)) && !t.IsAbstract).ToList();

        Assert.Equal(types.Count, HisMessageSerializer.AllKinds.Count);
        foreach (var type in types)
        {
            var kind = ((HisMessage)RuntimeHelpers.GetUninitializedObject(type)).Kind;
            Assert.Equal(type, HisMessageSerializer.TypeOf(kind));
            var sample = FhirMappingTests.Sample(kind);
            Assert.Equal(HisMessageSerializer.Serialize(sample), HisMessageSerializer.Serialize(HisMessageSerializer.Deserialize(kind, HisMessageSerializer.Serialize(sample))));
        }
    }

    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 0.999, 10)]
    [InlineData(3, 0.0, 20)]
    [InlineData(20, 1.0, 300)]
    public void Retry_delays_grow_exponentially_with_jitter_and_a_cap(int attempts, double random, int expectedSeconds)
    {
        var delay = HisRetrySchedule.Delay(attempts, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), random);
        Assert.InRange(delay.TotalSeconds, expectedSeconds - 0.02, expectedSeconds + 0.02);
    }

    [Theory]
    [InlineData("张伟", " 张 伟 ", true)]
    [InlineData("ＺＨＡＮＧ Wei", "zhang wei", true)]
    [InlineData("买买提·艾力", "买买提艾力", true)]
    [InlineData("张伟", "张玮", false)]
    public void Names_match_regardless_of_width_case_and_spaces(string a, string b, bool same) =>
        Assert.Equal(same, HisNames.Same(a, b));
}
