using Jichitai.Platform.Errors;

namespace Jichitai.Linkage.Pages.Linkage;

/// <summary>A refusal shown next to the form that caused it (the service's Japanese message, and the field it names).</summary>
public sealed record FormError(string Form, string? Field, string Message)
{
    public static FormError Of(string form, DomainException e) => new(form, e.Field, e.Message);
}

public static class FormErrorExtensions
{
    public static string? For(this FormError? error, string form) => error?.Form == form ? error.Message : null;
}
