namespace InternetHospital.Application.Sms;

/// <summary>Queues a text message in the current unit of work; the dispatcher sends it after the commit, with retries.</summary>
public interface ISmsOutbox
{
    /// <param name="timeZone">The reader's zone for the quiet hours (null: the hospital's).</param>
    void Enqueue(string mobile, SmsTemplate template, IReadOnlyDictionary<string, SmsParameter> parameters, string language, string? timeZone);
}
