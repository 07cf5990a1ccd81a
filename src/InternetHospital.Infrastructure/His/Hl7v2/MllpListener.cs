using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Results;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>Section <c>His:Inbound</c>: the MLLP listener the HIS sends results to. Off unless a port is set.</summary>
public sealed class HisInboundOptions
{
    public const string Section = "His:Inbound";

    /// <summary>TCP port to listen on (0 = no listener).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Address to listen on. Loopback by default: open it to the HIS's network deliberately (and firewall it).</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>An idle connection is closed after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many HIS connections at once.</summary>
    [Range(1, 100)]
    public int MaxConnections { get; set; } = 8;
}

/// <summary>
/// Receives HL7 v2.5 ORU^R01 (lab results, one report per OBR, stored together) over MLLP and answers each message with an ACK (original mode): AA stored
/// (or already stored: the HIS may resend, and MSH-10 makes that harmless), AR refused as it stands (not HL7 this codec
/// accepts, not an ORU^R01, no HIS patient id, another patient's report id), AE not stored for now (send it again).
/// A report for a patient the portal does not know is kept and acknowledged AA (nothing is lost); see <see cref="ReceiveLabReport"/>.
/// </summary>
internal sealed partial class MllpListener(
    IServiceScopeFactory scopes,
    IOptions<HisInboundOptions> inbound,
    IOptions<HisOptions> his,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock,
    ILogger<MllpListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource<IPEndPoint> bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where it listens once started (port 0 in the options is never bound; tests read the real port here).</summary>
    public Task<IPEndPoint> BoundAsync => bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = inbound.Value;
        var listener = new TcpListener(IPAddress.Parse(options.Address), options.Port);
        listener.Start();
        bound.TrySetResult((IPEndPoint)listener.LocalEndpoint);
        LogListening(logger, listener.LocalEndpoint.ToString() ?? string.Empty);
        using var slots = new SemaphoreSlim(options.MaxConnections);
        var connections = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                if (!await slots.WaitAsync(0, stoppingToken))
                {
                    client.Dispose();
                    continue;
                }

                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(Task.Run(async () =>
                {
                    try
                    {
                        await ServeAsync(client, stoppingToken);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                string? frame;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    idle.CancelAfter(inbound.Value.IdleTimeout);
                    frame = await Mllp.ReadFrameAsync(stream, idle.Token);
                }

                if (frame is null)
                {
                    return;
                }

                var ack = await HandleAsync(frame, stoppingToken);
                await stream.WriteAsync(Mllp.Frame(ack.Encode()), stoppingToken);
            }
        }
        catch (MllpException exception)
        {
            // Note: a frame that is not MLLP cannot be answered on the same stream (where would the answer begin?): close.
            LogBrokenFrame(logger, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // The HIS went away or was idle too long; it resends what it has no ACK for.
        }
    }

    /// <summary>One message in, its ACK out. Internal for the tests.</summary>
    internal async Task<Hl7Message> HandleAsync(string text, CancellationToken cancellationToken)
    {
        var zone = hospital.Value.TimeZoneInfo;
        Hl7Message? message = null;
        try
        {
            message = Hl7Message.Parse(text);
            var (patient, reports) = Hl7LabReports.Decode(message, his.Value.Identifiers, zone);
            if (string.IsNullOrWhiteSpace(message.ControlId) || message.ControlId.Length > ReceiveLabReport.MaxControlIdLength)
            {
                throw new Hl7FormatException($"MSH-10 (message control id) is required and at most {ReceiveLabReport.MaxControlIdLength} characters.");
            }

            await using var scope = scopes.CreateAsyncScope();
            var receipt = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReceiveLabReport(message.ControlId, patient, reports), cancellationToken);
            LogReceived(logger, message.ControlId, string.Join(',', receipt.Outcomes), receipt.PatientKnown);
            return Hl7LabReports.Acknowledge(message, "AA", null, clock.GetUtcNow(), zone);
        }
        catch (Hl7FormatException exception)
        {
            LogRefused(logger, SafeControlId(message), exception.Message);
            return Hl7LabReports.Acknowledge(message ?? HeaderOnly(text), "AR", exception.Message, clock.GetUtcNow(), zone);
        }
        catch (Exception exception) when (exception is LabReportConflictException or Domain.Common.DomainException)
        {
            LogRefused(logger, SafeControlId(message), exception.Message);
            return Hl7LabReports.Acknowledge(message, "AR", exception.Message, clock.GetUtcNow(), zone);
        }
        catch (UniqueConstraintException)
        {
            // The same message arrived twice at once (two connections): the other copy was stored.
            return Hl7LabReports.Acknowledge(message, "AA", null, clock.GetUtcNow(), zone);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, SafeControlId(message));
            return Hl7LabReports.Acknowledge(message, "AE", "The message could not be stored now; send it again later.", clock.GetUtcNow(), zone);
        }
    }

    private static string SafeControlId(Hl7Message? message)
    {
        try
        {
            return message?.ControlId ?? string.Empty;
        }
        catch (Hl7FormatException)
        {
            return string.Empty;
        }
    }

    /// <summary>For a message the codec refused, the ACK still names its control id when the MSH segment alone can be read.</summary>
    private static Hl7Message? HeaderOnly(string text)
    {
        try
        {
            var end = text.IndexOf(Hl7Message.SegmentTerminator, StringComparison.Ordinal);
            return Hl7Message.Parse(end < 0 ? text : text[..end]);
        }
        catch (Hl7FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MLLP listener for HIS results on {Endpoint}")]
    private static partial void LogListening(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "HL7 result {ControlId}: {Outcomes} (patient known: {PatientKnown})")]
    private static partial void LogReceived(ILogger logger, string controlId, string outcomes, bool patientKnown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HL7 message {ControlId} refused (AR): {Reason}")]
    private static partial void LogRefused(ILogger logger, string controlId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "HL7 message {ControlId} could not be stored (AE)")]
    private static partial void LogFailed(ILogger logger, Exception exception, string controlId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MLLP connection closed: {Reason}")]
    private static partial void LogBrokenFrame(ILogger logger, string reason);
}
