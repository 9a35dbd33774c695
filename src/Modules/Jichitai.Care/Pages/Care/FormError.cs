using Jichitai.Platform.Errors;

namespace Jichitai.Care.Pages.Care;

/// <summary>A refusal shown next to the form that caused it: the service's Japanese message(s), by field.</summary>
public sealed record FormError(string Form, IReadOnlyDictionary<string, string[]> Fields)
{
    public static FormError Of(string form, DomainException e) => new(form,
        e is DomainValidationException v ? v.Errors : new Dictionary<string, string[]> { [e.Field ?? ""] = [e.Message] });

    public IEnumerable<string> All => Fields.SelectMany(f => f.Value);

    /// <summary>Messages of the fields named (a key matches itself and its children: "段階" matches "段階[2].Ratio").</summary>
    public IEnumerable<string> For(params string[] keys) =>
        Fields.Where(f => keys.Any(k => f.Key == k || f.Key.StartsWith(k + "[", StringComparison.Ordinal) || f.Key.StartsWith(k + ".", StringComparison.Ordinal)))
            .SelectMany(f => f.Value).Distinct();
}

public static class FormErrorExtensions
{
    public static bool Is(this FormError? error, string form) => error?.Form == form;

    /// <summary>Every message of the form, or none when another form failed.</summary>
    public static IEnumerable<string> Messages(this FormError? error, string form) => error?.Form == form ? error.All : [];
}
