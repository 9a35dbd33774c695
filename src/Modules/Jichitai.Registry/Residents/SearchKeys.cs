using Jichitai.Registry.Domain.Text;

namespace Jichitai.Registry.Residents;

/// <summary>The normalised keys a resident is found by (standard 2.1.2); the table is docs/registry/name-normalisation.md.</summary>
public static class SearchKeys
{
    public static string Kana(ResidentRecord r) =>
        NameSearchKey.Normalize(r.FamilyNameKana + r.GivenNameKana + (r.Foreign?.CommonNameKana ?? ""));

    public static string FuzzyKana(ResidentRecord r) => NameSearchKey.FuzzyKana(r.FamilyNameKana + r.GivenNameKana);

    public static string GivenKana(ResidentRecord r) => NameSearchKey.Normalize(r.GivenNameKana);

    /// <summary>氏名; a 外国人住民 without a kanji name is found by the alphabet name.</summary>
    public static string Name(ResidentRecord r)
    {
        var key = NameSearchKey.Normalize(r.FamilyName + r.GivenName);
        return key.Length > 0 || r.Foreign is null ? key : NameSearchKey.Normalize(r.Foreign.AlphabetName);
    }

    public static string Address(Address a) => NameSearchKey.Normalize(a.Town + a.BlockNumber + (a.Building ?? ""));
}
