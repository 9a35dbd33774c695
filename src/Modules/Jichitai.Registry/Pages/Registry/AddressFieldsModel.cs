using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// The shared 住所 input of the counter pages (partial _AddressFields): 郵便番号, 町字 with 住所辞書 suggestions, 住所コード,
/// 番地, 方書 with the 方書 registered at that 番地 (standard 1.3.3, 1.3.4, 4.0.7).
/// </summary>
/// <param name="Prefix">Form name prefix, e.g. "Form.Address" or "Address".</param>
/// <param name="EffectiveOnText">The 異動日 as typed: the dictionary entries offered and checked are those valid on it.</param>
public sealed record AddressFieldsModel(string Prefix, AddressInputForm Form, FormErrors Errors, bool ReadOnly, string? EffectiveOnText, string ErrorPrefix = "address")
{
    public string Id => Prefix.Replace('.', '_');
    public DateOnly? EffectiveOn => JapaneseDateParser.TryParse(EffectiveOnText, out var d, out _) ? d : null;
    public string? Error(string field) => Errors.For($"{ErrorPrefix}.{field}");
}
