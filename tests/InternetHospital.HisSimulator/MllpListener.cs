using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InternetHospital.HisSimulator;

/// <summary>
/// Accepts HL7 v2 messages over MLLP (0x0B ... 0x1C 0x0D), several per connection, and answers each with an ACK.
/// Its own reading of HL7 is deliberately minimal (segments, fields, MSH-9/MSH-10), independent of the portal's
/// codec, so a mistake in the portal's encoder is not mirrored here.
/// </summary>
internal sealed class MllpListener(SimulatorControl control, SimulatorStore store, TimeProvider clock) : IAsyncDisposable
{
    private TcpListener listener = null!;
    private readonly CancellationTokenSource stopping = new();
    private Task? accepting;

    public int Port { get; private set; }

    public void Start(int port)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptLoopAsync();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            if (control.Down)
            {
                // Reset at once: to the caller this is a HIS that is not there.
                client.Client.LingerState = new LingerOption(true, 0);
                return;
            }

            var stream = client.GetStream();
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    var text = await ReadFrameAsync(stream, stopping.Token);
                    if (text is null || control.DropConnections)
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    var ack = Handle(text);
                    await control.BeforeReplyAsync(stopping.Token);
                    var bytes = Encoding.UTF8.GetBytes(ack);
                    await stream.WriteAsync(new byte[] { 0x0B }.Concat(bytes).Concat(new byte[] { 0x1C, 0x0D }).ToArray(), stopping.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or InvalidDataException)
            {
                // The caller went away or sent something that is not MLLP; nothing to answer.
            }
        }
    }

    private string Handle(string text)
    {
        var segments = text.TrimEnd('\r').Split('\r');
        if (segments.Length == 0 || !segments[0].StartsWith("MSH", StringComparison.Ordinal) || segments[0].Length < 8)
        {
            return Ack(string.Empty, "AR", "Not an HL7 v2 message", "ACK");
        }

        var field = segments[0][3];
        var msh = segments[0].Split(field);

        // msh[0] = "MSH", msh[1] = encoding characters (MSH-2), so MSH-n is msh[n - 1].
        var type = msh.Length > 8 ? msh[8] : string.Empty;
        var controlId = msh.Length > 9 ? msh[9] : string.Empty;
        var component = segments[0][4];
        var parts = type.Split(component);
        var ackType = "ACK" + (parts.Length > 1 ? component + parts[1] : string.Empty) + component + "ACK";

        if (store.AlreadyApplied(controlId))
        {
            // A redelivery: acknowledged again, processed once.
            store.RecordHl7(controlId, type, text, accepted: true, "AA", clock.GetUtcNow());
            return Ack(controlId, "AA", "Duplicate of a message already processed", ackType);
        }

        var code = control.AckCode;
        store.RecordHl7(controlId, type, text, accepted: code == "AA", code, clock.GetUtcNow());
        return Ack(controlId, code, code == "AA" ? string.Empty : control.AckText, ackType);
    }

    private string Ack(string controlId, string code, string text, string type)
    {
        var now = clock.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var ack = new StringBuilder();
        ack.Append("MSH|^~\\&|HIS|HOSPITAL|INTERNETHOSPITAL|IH|").Append(now).Append("||").Append(type).Append("|ACK").Append(Guid.NewGuid().ToString("N")[..12]).Append("|P|2.5\r");
        ack.Append("MSA|").Append(code).Append('|').Append(controlId);
        if (text.Length > 0)
        {
            ack.Append('|').Append(Escape(text));
        }

        ack.Append('\r');
        if (code != "AA")
        {
            ack.Append("ERR|||207^Application internal error^HL70357|E||||").Append(Escape(text)).Append('\r');
        }

        return ack.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\E\\").Replace("|", "\\F\\").Replace("^", "\\S\\").Replace("&", "\\T\\").Replace("~", "\\R\\");

    private static async Task<string?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        var started = false;
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            if (!started)
            {
                if (one[0] != 0x0B)
                {
                    throw new InvalidDataException("No MLLP start block.");
                }

                started = true;
                continue;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 2 && buffer[^2] == 0x1C && buffer[^1] == 0x0D)
            {
                return Encoding.UTF8.GetString(buffer.ToArray(), 0, buffer.Count - 2);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (accepting is not null)
        {
            await accepting;
        }

        stopping.Dispose();
    }
}
