using System.Globalization;
using InternetHospital.Application.Payments;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// WeChat Pay's trade bill (交易账单, bill_type=ALL): a CSV whose first line names the columns and whose values are
/// each prefixed with a backtick, followed by a summary block starting "总交易单数". A row whose 交易状态 is SUCCESS is a
/// payment; REFUND is a refund of 退款金额.
/// </summary>
internal static class WeChatPayBill
{
    public static IReadOnlyList<BillLine> Parse(string csv)
    {
        var lines = csv.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0)
        {
            return [];
        }

        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int Column(params string[] names) => names.Select(n => Array.IndexOf(header, n)).FirstOrDefault(i => i >= 0, -1);
        var outTradeNo = Column("商户订单号");
        var transactionId = Column("微信订单号");
        var state = Column("交易状态");
        var amount = Column("订单金额", "应结订单金额");
        var refund = Column("退款金额");
        if (outTradeNo < 0 || state < 0 || amount < 0)
        {
            throw new PaymentProviderUnavailableException(WeChatPayGateway.ProviderName, "The trade bill lacks the expected columns.");
        }

        var result = new List<BillLine>();
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("总交易单数", StringComparison.Ordinal))
            {
                break;
            }

            if (!line.StartsWith('`'))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.TrimStart('`')).ToArray();
            string Cell(int index) => index >= 0 && index < cells.Length ? cells[index] : string.Empty;
            switch (Cell(state))
            {
                case "SUCCESS":
                    result.Add(new BillLine(Cell(outTradeNo), Cell(transactionId), BillLineKind.Payment, Money(Cell(amount))));
                    break;
                case "REFUND":
                    result.Add(new BillLine(Cell(outTradeNo), Cell(transactionId), BillLineKind.Refund, Money(Cell(refund))));
                    break;
            }
        }

        return result;
    }

    private static decimal Money(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Math.Abs(value) : 0m;
}
