using InternetHospital.Infrastructure.Sms;

namespace InternetHospital.UnitTests.Sms;

/// <summary>The providers' request signatures, against the examples their documentation publishes.</summary>
public sealed class SmsSignatureTests
{
    /// <summary>
    /// Alibaba Cloud "Signature mechanism" (RPC APIs): the worked example signs DescribeRegions with AccessKeyId "testid"
    /// and AccessKeySecret "testsecret" and gives the string to sign and the signature below.
    /// </summary>
    [Fact]
    public void Aliyun_rpc_signature_matches_the_documented_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Format"] = "XML",
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["Version"] = "2014-05-26",
            ["SignatureVersion"] = "1.0",
        };

        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            AliyunSignature.StringToSign("GET", parameters));
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSignature.Sign("GET", parameters, "testsecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b", "a~b")]
    [InlineData("【医院】", "%E3%80%90%E5%8C%BB%E9%99%A2%E3%80%91")]
    public void Aliyun_percent_encoding_follows_rfc_3986(string value, string encoded) =>
        Assert.Equal(encoded, AliyunSignature.PercentEncode(value));

    /// <summary>
    /// Tencent Cloud "Signature v3": the worked example (CVM DescribeInstances, timestamp 1551113065, host
    /// cvm.tencentcloudapi.com, signed headers content-type;host;x-tc-action) publishes the hash of its JSON body and of its
    /// canonical request. Its secret key is
    /// masked in the documentation, so the final HMAC chain is checked by computing each documented step by hand below.
    /// </summary>
    [Fact]
    public void Tencent_tc3_canonical_request_matches_the_documented_example()
    {
        const string body = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

        Assert.Equal("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", Tc3Signature.Sha256Hex(body));
        Assert.Equal("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84", Tc3Signature.Sha256Hex(Tc3Signature.CanonicalRequest("cvm.tencentcloudapi.com", "DescribeInstances", body)));
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
            Tc3Signature.StringToSign("cvm", "cvm.tencentcloudapi.com", "DescribeInstances", 1551113065, body));
    }

    [Fact]
    public void Tencent_tc3_key_derivation_chains_hmacs_as_documented()
    {
        var stringToSign = Tc3Signature.StringToSign("sms", "sms.tencentcloudapi.com", "SendSms", 1551113065, "{}");
        static byte[] Hmac(byte[] key, string data) => System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(data));

        var expected = Convert.ToHexStringLower(Hmac(Hmac(Hmac(Hmac(System.Text.Encoding.UTF8.GetBytes("TC3secret"), "2019-02-25"), "sms"), "tc3_request"), stringToSign));

        Assert.Equal(expected, Tc3Signature.Signature("secret", "sms", "2019-02-25", stringToSign));
        Assert.Equal(
            $"TC3-HMAC-SHA256 Credential=AKIDexample/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature={expected}",
            Tc3Signature.Authorization("AKIDexample", "secret", "sms", "sms.tencentcloudapi.com", "SendSms", 1551113065, "{}"));
    }
}
