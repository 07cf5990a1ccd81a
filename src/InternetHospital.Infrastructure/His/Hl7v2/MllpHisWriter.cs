using System.Net.Sockets;
using InternetHospital.Application.Common;
using InternetHospital.Infrastructure.His.Delivery;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>
/// Sends one HL7 v2.5 message per connection over MLLP and waits for the ACK (original acknowledgement mode).
/// AA/CA is delivered; AE/AR (and CE/CR) is a refusal whose text is kept; no connection, a dropped connection or no
/// ACK in time means the HIS was not reached (the outbox retries, and the HIS de-duplicates on MSH-10).
/// </summary>
internal sealed class MllpHisWriter(IOptions<HisOptions> options, IOptions<HospitalOptions> hospital, TimeProvider clock) : IHisWriter
{
    private readonly Hl7MessageFactory factory = new(options.Value, hospital.Value.TimeZoneInfo);

    public async Task DeliverAsync(HisOutboundMessage message, CancellationToken cancellationToken)
    {
        var mllp = options.Value.Mllp;
        var hl7 = factory.Create(message, clock.GetUtcNow());
        var frame = Mllp.Frame(hl7.Encode());

        using var client = new TcpClient { NoDelay = true };
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(mllp.ConnectTimeout);
            try
            {
                await client.ConnectAsync(mllp.Host!, mllp.Port, connect.Token);
            }
            catch (SocketException exception)
            {
                throw new HisDeliveryException(HisFailure.Unreachable, $"Cannot connect to the HIS at {mllp.Host}:{mllp.Port} ({exception.SocketErrorCode}).", exception);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HisDeliveryException(HisFailure.Unreachable, $"No connection to the HIS at {mllp.Host}:{mllp.Port} within {mllp.ConnectTimeout.TotalSeconds:0.#} s.", exception);
            }
        }

        string? reply;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(mllp.AckTimeout);
            try
            {
                var stream = client.GetStream();
                await stream.WriteAsync(frame, wait.Token);
                await stream.FlushAsync(wait.Token);
                reply = await Mllp.ReadFrameAsync(stream, wait.Token);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HisDeliveryException(HisFailure.Unreachable, $"No ACK from the HIS within {mllp.AckTimeout.TotalSeconds:0.#} s.", exception);
            }
            catch (Exception exception) when (exception is IOException or SocketException or MllpException)
            {
                throw new HisDeliveryException(HisFailure.Unreachable, "The connection to the HIS broke before an ACK arrived: " + exception.Message, exception);
            }
        }

        if (reply is null)
        {
            throw new HisDeliveryException(HisFailure.Unreachable, "The HIS closed the connection without an ACK.");
        }

        Hl7Acknowledgement.Check(reply, hl7.ControlId);
    }
}

/// <summary>Reads an ACK: MSA-1 is the verdict, MSA-2 must name the message sent, MSA-3 and ERR say why.</summary>
internal static class Hl7Acknowledgement
{
    public static void Check(string reply, string controlId)
    {
        Hl7Message ack;
        try
        {
            ack = Hl7Message.Parse(reply);
        }
        catch (Hl7FormatException exception)
        {
            throw new HisDeliveryException(HisFailure.Rejected, "The HIS answered with something that is not an HL7 ACK: " + exception.Message, exception);
        }

        var msa = ack.Find("MSA") ?? throw new HisDeliveryException(HisFailure.Rejected, "The HIS's ACK has no MSA segment.");
        if (msa.Get(2) != controlId)
        {
            throw new HisDeliveryException(HisFailure.Rejected, $"The HIS acknowledged message '{msa.Get(2)}', not '{controlId}'.");
        }

        var code = msa.Get(1);
        if (code is "AA" or "CA")
        {
            return;
        }

        var reasons = new List<string>();
        if (msa.Get(3) is { Length: > 0 } text)
        {
            reasons.Add(text);
        }

        foreach (var err in ack.All("ERR"))
        {
            foreach (var detail in new[] { err.Get(3, 2), err.Get(8), err.Get(7) })
            {
                if (detail.Length > 0 && !reasons.Contains(detail))
                {
                    reasons.Add(detail);
                }
            }
        }

        var verdict = code switch
        {
            "AE" or "CE" => "application error",
            "AR" or "CR" => "rejected",
            _ => $"unknown acknowledgement code '{code}'",
        };
        throw new HisDeliveryException(HisFailure.Rejected, $"{code} ({verdict}){(reasons.Count > 0 ? ": " + string.Join("; ", reasons) : string.Empty)}");
    }
}
