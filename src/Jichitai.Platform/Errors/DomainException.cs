namespace Jichitai.Platform.Errors;

/// <summary>
/// A rule violation reported to the user. <see cref="Message"/> is Japanese and names the reason;
/// <see cref="Field"/> names the input that caused it (null when it concerns the request as a whole).
/// </summary>
public class DomainException(string code, string message, string? field = null, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public int Status { get; } = status;

    public static DomainException NotFound(string code, string message) => new(code, message, null, 404);
    public static DomainException Conflict(string code, string message, string? field = null) => new(code, message, field, 409);
    public static DomainException Forbidden(string code, string message) => new(code, message, null, 403);
}

/// <summary>Several field errors found at once (input validation); <see cref="Errors"/> maps each field to its Japanese messages.</summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("request.invalid", string.Join(" ", errors.SelectMany(e => e.Value)), errors.Keys.FirstOrDefault())
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
