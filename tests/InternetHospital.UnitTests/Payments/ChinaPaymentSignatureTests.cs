using System.Security.Cryptography;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Payments;
using InternetHospital.Infrastructure.Payments.China;

namespace InternetHospital.UnitTests.Payments;

/// <summary>The WeChat Pay and Alipay signing rules against the examples in their documentation, and the GCM resource.</summary>
public sealed class ChinaPaymentSignatureTests
{
    [Fact]
    public void The_wechat_pay_request_message_is_the_documented_one()
    {
        // pay.weixin.qq.com, 签名生成: a GET has an empty body, and every line ends in \n, the last one too.
        Assert.Equal(
            "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
            WeChatPaySignatures.RequestMessage("GET", "/v3/certificates", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", string.Empty));
        Assert.Equal("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"a\":1}\n", WeChatPaySignatures.ResponseMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", "{\"a\":1}"));
    }

    [Fact]
    public void A_wechat_pay_signature_verifies_with_the_pair_and_not_with_another_key_or_message()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var message = WeChatPaySignatures.RequestMessage("POST", "/v3/pay/transactions/native", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", "{\"total\":1}");

        var signature = WeChatPaySignatures.Sign(key, message);

        Assert.True(WeChatPaySignatures.Verify(key, message, signature));
        Assert.False(WeChatPaySignatures.Verify(other, message, signature));
        Assert.False(WeChatPaySignatures.Verify(key, message.Replace("1}", "2}", StringComparison.Ordinal), signature));
        Assert.False(WeChatPaySignatures.Verify(key, message, "not base64!"));
        Assert.False(WeChatPaySignatures.Verify(key, message, null));
        Assert.StartsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"n\",signature=\"s\",timestamp=\"1\",serial_no=\"SN\"", WeChatPaySignatures.Authorization("1900009191", "SN", 1, "n", "s"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_callback_resource_decrypts_and_any_change_to_it_is_detected()
    {
        var key = "0123456789abcdefghijklmnopqrstuv";
        var ciphertext = WeChatPaySignatures.Encrypt(key, "ABCDEF123456", "transaction", "{\"out_trade_no\":\"1217752501201407033233368018\"}");

        Assert.Equal("{\"out_trade_no\":\"1217752501201407033233368018\"}", WeChatPaySignatures.Decrypt(key, "ABCDEF123456", "transaction", ciphertext));

        var bytes = Convert.FromBase64String(ciphertext);
        bytes[0] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => WeChatPaySignatures.Decrypt(key, "ABCDEF123456", "transaction", Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => WeChatPaySignatures.Decrypt(key, "ABCDEF123456", "refund", ciphertext));
        Assert.ThrowsAny<CryptographicException>(() => WeChatPaySignatures.Decrypt("vutsrqponmlkjihgfedcba9876543210", "ABCDEF123456", "transaction", ciphertext));
        Assert.ThrowsAny<CryptographicException>(() => WeChatPaySignatures.Decrypt(key, "short", "transaction", ciphertext));
    }

    [Fact]
    public void The_alipay_content_to_sign_is_the_documented_one()
    {
        // opendocs.alipay.com, 自行实现签名: drop sign (and empty values), sort by name, join name=value with &, no encoding.
        var parameters = new Dictionary<string, string>
        {
            ["method"] = "alipay.mobile.public.menu.add",
            ["charset"] = "GBK",
            ["sign_type"] = "RSA2",
            ["timestamp"] = "2014-07-24 03:07:50",
            ["biz_content"] = "{\"button\":[{\"actionParam\":\"ZFB_HFCZ\",\"actionType\":\"out\",\"name\":\"话费充值\"}]}",
            ["sign"] = "ignored",
            ["app_id"] = "2014072300007148",
            ["version"] = "1.0",
            ["notify_url"] = string.Empty,
        };

        Assert.Equal(
            "app_id=2014072300007148&biz_content={\"button\":[{\"actionParam\":\"ZFB_HFCZ\",\"actionType\":\"out\",\"name\":\"话费充值\"}]}&charset=GBK&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0",
            AlipaySignatures.Content(parameters, excludeSignType: false));

        // A notification is verified without sign_type as well.
        Assert.DoesNotContain("sign_type", AlipaySignatures.Content(parameters, excludeSignType: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Alipay_keys_load_as_pem_or_bare_base64_and_sign_verifiably()
    {
        using var key = RSA.Create(2048);
        using var app = AlipaySignatures.PrivateKey(Convert.ToBase64String(key.ExportPkcs8PrivateKey()));
        using var alipay = AlipaySignatures.PublicKey(key.ExportSubjectPublicKeyInfoPem());

        var signature = AlipaySignatures.Sign(app, "a=1&b=2");

        Assert.True(AlipaySignatures.Verify(alipay, "a=1&b=2", signature));
        Assert.False(AlipaySignatures.Verify(alipay, "a=1&b=3", signature));
    }

    [Fact]
    public void The_wechat_pay_trade_bill_yields_payments_and_refunds_and_stops_at_the_summary()
    {
        var bill = "\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + "`2026-12-06 10:00:00,`wx1,`1900000109,`0,`,`4200001,`A1,`o1,`NATIVE,`SUCCESS,`OTHERS,`CNY,`50.00,`0.00,`0,`0,`0.00,`0.00,`,`,`挂号费,`,`0.30000,`0.60%,`50.00,`0.00,`\r\n"
            + "`2026-12-06 11:00:00,`wx1,`1900000109,`0,`,`4200001,`A1,`o1,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`5001,`RA1,`50.00,`0.00,`ORIGINAL,`SUCCESS,`挂号费,`,`-0.30000,`0.60%,`50.00,`50.00,`\r\n"
            + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n`2,`50.00,`50.00,`0.00,`0.00,`50.00,`50.00\r\n";

        var lines = WeChatPayBill.Parse(bill);

        Assert.Equal([new BillLine("A1", "4200001", BillLineKind.Payment, 50m), new BillLine("A1", "4200001", BillLineKind.Refund, 50m)], lines);
    }

    [Fact]
    public void The_alipay_bill_yields_trades_and_refunds()
    {
        var csv = "#支付宝业务明细查询\n#账号：[2088]\n支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）\n"
            + "2026120622001\t,B1\t,交易,挂号费,2026-12-06 10:00:00,2026-12-06 10:00:05,,,,,x,40.00,40.00\n"
            + "2026120622001\t,B1\t,退款,挂号费,2026-12-06 10:00:00,2026-12-06 12:00:00,,,,,x,-40.00,-40.00\n"
            + "#-----业务明细列表结束-----\n";

        Assert.Equal([new BillLine("B1", "2026120622001", BillLineKind.Payment, 40m), new BillLine("B1", "2026120622001", BillLineKind.Refund, 40m)], AlipayBill.ParseCsv(csv));
        Assert.Equal(4, AlipayBill.Gbk.GetBytes("交易").Length);
    }

    [Fact]
    public void A_payment_may_change_provider_only_until_an_order_is_placed()
    {
        var now = DateTimeOffset.UnixEpoch;
        var payment = Payment.Create(Guid.NewGuid(), Guid.NewGuid(), "appointment", Guid.NewGuid(), 50m, "CNY", "fee", "WeChatPay", now);
        payment.AttachProviderReference("ref", now);

        payment.ChangeProvider("Alipay", "ref", now);
        payment.RecordCheckout("page", now);

        Assert.Equal("Alipay", payment.Provider);
        Assert.Equal("payment_method_locked", Assert.Throws<DomainConflictException>(() => payment.ChangeProvider("WeChatPay", "ref", now)).Code);
    }
}
