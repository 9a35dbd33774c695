using Jichitai.Platform.Errors;
using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>Field-level Japanese errors of a counter page, keyed by the same paths the JSON API reports.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.OrdinalIgnoreCase);
    public string? Summary { get; private set; }
    public bool Any => _byField.Count > 0 || Summary is not null;

    public string? For(string field) => _byField.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
    public IEnumerable<string> All => _byField.Values.SelectMany(v => v).Concat(Summary is null ? [] : [Summary]).Distinct();

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
    }

    public void Add(DomainException e)
    {
        // A field that already failed to parse keeps that message; the validator's "required" on it would only repeat it.
        if (e is DomainValidationException v) { foreach (var (f, ms) in v.Errors) if (For(f) is null) foreach (var m in ms) Add(f, m); }
        else if (e.Field is not null) Add(e.Field, e.Message);
        else Summary = e.Message;
    }

    /// <summary>Parses a date typed as 西暦 or 和暦 ("H1.3.31", "平成元年3月31日", "1989/3/31"); records the error against the field.</summary>
    public DateOnly? Date(string? text, string field, string label, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Add(field, $"{label}を入力してください。");
            return null;
        }
        if (JapaneseDateParser.TryParse(text, out var date, out var error)) return date;
        Add(field, $"{label}: {error}");
        return null;
    }
}
