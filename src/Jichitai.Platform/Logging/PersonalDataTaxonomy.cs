using Microsoft.Extensions.Compliance.Classification;

namespace Jichitai.Platform.Logging;

/// <summary>
/// The data classification taxonomy for residents' personal data (個人情報). Values classified with it are erased
/// by the logging pipeline set up by <see cref="PersonalDataLoggingBuilderExtensions.AddPersonalDataRedaction"/>.
/// </summary>
public static class PersonalDataTaxonomy
{
    /// <summary>The taxonomy name: <c>Jichitai</c>.</summary>
    public const string TaxonomyName = "Jichitai";

    /// <summary>Names, kana, addresses, birth dates, phone numbers, 個人番号, 住民票コード and anything else that identifies a person.</summary>
    public static DataClassification PersonalData { get; } = new(TaxonomyName, "PersonalData");
}
