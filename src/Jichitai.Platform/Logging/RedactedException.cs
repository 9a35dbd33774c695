namespace Jichitai.Platform.Logging;

/// <summary>
/// Passed to logger providers instead of an exception whose text (message, inner exceptions, stack trace) held a personal-data
/// pattern. <see cref="ToString"/> is the original's <c>ToString()</c> with the patterns masked, so console and JSON output keep the
/// original exception type, inner exceptions and stack; <see cref="Exception.Message"/> and <see cref="StackTrace"/> are masked too.
/// </summary>
internal sealed class RedactedException : Exception
{
    public const string WithheldText = "(exception text withheld: personal-data scrubbing failed)";

    private readonly string _text;
    private readonly string? _stackTrace;

    private RedactedException(string originalTypeName, string message, string text, string? stackTrace)
        : base(message)
    {
        OriginalTypeName = originalTypeName;
        _text = text;
        _stackTrace = stackTrace;
    }

    /// <summary>The full name of the exception that was logged.</summary>
    public string OriginalTypeName { get; }

    public override string? StackTrace => _stackTrace;

    public override string ToString() => _text;

    /// <summary>The exception to hand to providers: <paramref name="exception"/> itself when its text holds no personal-data pattern.</summary>
    public static Exception? Scrub(Exception? exception)
    {
        if (exception is null or RedactedException)
        {
            return exception;
        }

        string typeName = exception.GetType().FullName ?? exception.GetType().Name;
        try
        {
            string text = exception.ToString();
            string scrubbed = PersonalDataPatterns.Scrub(text);
            if (ReferenceEquals(scrubbed, text))
            {
                return exception;
            }

            return new RedactedException(typeName, PersonalDataPatterns.Scrub(exception.Message), scrubbed, PersonalDataPatterns.Scrub(exception.StackTrace))
            {
                HResult = exception.HResult,
            };
        }
        catch (Exception)
        {
            return new RedactedException(typeName, WithheldText, typeName + ": " + WithheldText, null);
        }
    }
}
