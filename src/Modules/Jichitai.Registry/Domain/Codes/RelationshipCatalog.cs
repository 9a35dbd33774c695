using System.Collections.Frozen;
using System.Text;

namespace Jichitai.Registry.Domain.Codes;

/// <summary>Reads, decodes and checks 続柄 (標準1.1.11).</summary>
public static class RelationshipCatalog
{
    private static readonly (KinshipTerm Term, string Label)[] TermLabels =
    [
        (KinshipTerm.Husband, "夫"), (KinshipTerm.Wife, "妻"),
        (KinshipTerm.HusbandUnregistered, "夫（未届）"), (KinshipTerm.WifeUnregistered, "妻（未届）"),
        (KinshipTerm.Child, "子"), (KinshipTerm.Father, "父"), (KinshipTerm.Mother, "母"),
        (KinshipTerm.ElderBrother, "兄"), (KinshipTerm.ElderSister, "姉"),
        (KinshipTerm.YoungerBrother, "弟"), (KinshipTerm.YoungerSister, "妹"),
    ];

    // Keys are compared after NFKC, so 夫(未届) and 夫（未届） both match.
    private static readonly FrozenDictionary<string, KinshipTerm> TermsByLabel =
        TermLabels.ToFrozenDictionary(t => t.Label.Normalize(NormalizationForm.FormKC), t => t.Term);

    private static readonly FrozenDictionary<string, Relationship> Singles = new Dictionary<string, Relationship>
    {
        ["世帯主"] = Relationship.Head, ["縁故者"] = Relationship.Kin, ["同居人"] = Relationship.Cohabitant,
    }.ToFrozenDictionary();

    // Words clerks bring from the 戸籍 or everyday speech, with what the 住民票 uses instead.
    private static readonly FrozenDictionary<string, string> Hints = new Dictionary<string, string>
    {
        ["長男"] = "子", ["長女"] = "子", ["二男"] = "子", ["二女"] = "子", ["次男"] = "子", ["次女"] = "子",
        ["三男"] = "子", ["三女"] = "子", ["養子"] = "子", ["養女"] = "子",
        ["孫"] = "子の子", ["嫁"] = "子の妻", ["婿"] = "子の夫",
        ["祖父"] = "父の父 または 母の父", ["祖母"] = "父の母 または 母の母",
        ["配偶者"] = "夫 または 妻", ["内縁の夫"] = "夫（未届）", ["内縁の妻"] = "妻（未届）",
        ["甥"] = "兄の子・姉の子・弟の子・妹の子", ["姪"] = "兄の子・姉の子・弟の子・妹の子",
    }.ToFrozenDictionary();

    public static IReadOnlyList<KinshipTerm> Terms { get; } = TermLabels.Select(t => t.Term).ToArray();

    public static string Label(KinshipTerm term) =>
        TermLabels.FirstOrDefault(t => t.Term == term).Label ?? throw new ArgumentOutOfRangeException(nameof(term), term, null);

    /// <summary>Reads 世帯主, 妻, 子の妻, 夫(未届), 縁故者, 同居人 … (full- or half-width, spaces ignored).</summary>
    public static bool TryParse(string? label, out Relationship? relationship, out string? error)
    {
        relationship = null;
        var text = string.Concat((label ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
        if (text.Length == 0) return Fail("続柄を入力してください", out error);
        if (Singles.TryGetValue(text, out relationship)) return Ok(out error);
        if (Hints.TryGetValue(text, out var hint))
            return Fail($"「{text}」は住民票の続柄に使いません。「{hint}」と入力してください", out error);

        var parts = text.Split('の');
        if (parts.Any(p => p.Length == 0)) return Fail("「の」の前後に続柄を入力してください", out error);
        if (parts.Any(Singles.ContainsKey))
            return Fail("世帯主・縁故者・同居人は「の」でつなげず、単独で入力してください", out error);
        if (parts.FirstOrDefault(p => !TermsByLabel.ContainsKey(p)) is { } unknown)
            return Fail($"「{unknown}」は続柄に使えません。夫・妻・夫（未届）・妻（未届）・子・父・母・兄・姉・弟・妹を「の」でつなげて入力してください", out error);
        // 標準1.1.11 留意点: ５世代以上つなげる必要がある場合は「縁故者」.
        if (parts.Length > Relationship.MaxGenerations)
            return Fail($"続柄は{Relationship.MaxGenerations}世代までです。5世代以上になる場合は「縁故者」としてください", out error);

        relationship = Relationship.Family(parts.Select(p => TermsByLabel[p]).ToArray());
        return Ok(out error);
    }

    /// <summary>Decodes a stored <see cref="Relationship.Code"/>.</summary>
    public static bool TryFromCode(string? code, out Relationship? relationship)
    {
        relationship = code switch
        {
            "00" => Relationship.Head,
            "90" => Relationship.Kin,
            "91" => Relationship.Cohabitant,
            _ => null,
        };
        if (relationship is not null) return true;
        if (code is null || code.Length is 0 or > 2 * Relationship.MaxGenerations || code.Length % 2 != 0 || !code.All(char.IsAsciiDigit))
            return false;
        var terms = code.Chunk(2).Select(pair => (KinshipTerm)((pair[0] - '0') * 10 + pair[1] - '0')).ToArray();
        if (!terms.All(Enum.IsDefined)) return false;
        relationship = Relationship.Family(terms);
        return true;
    }

    /// <summary>世帯主 is the head's relationship and nobody else's.</summary>
    public static bool IsValidFor(Relationship relationship, bool isHouseholdHead, out string? error)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        error = (isHouseholdHead, relationship.Kind == RelationshipKind.Head) switch
        {
            (true, false) => "世帯主本人の続柄は「世帯主」です",
            (false, true) => "世帯主以外の世帯員に「世帯主」は使えません",
            _ => null,
        };
        return error is null;
    }

    private static bool Ok(out string? error)
    {
        error = null;
        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
