using System.Collections.Immutable;

namespace Jichitai.Registry.Domain.Codes;

/// <summary>The terms of 標準1.1.11 ②, chained with 「の」 into a 続柄. The numbers are ours (the standard has none).</summary>
public enum KinshipTerm
{
    Husband = 11,
    Wife = 12,
    HusbandUnregistered = 13,
    WifeUnregistered = 14,
    Child = 20,
    Father = 31,
    Mother = 32,
    ElderBrother = 41,
    ElderSister = 42,
    YoungerBrother = 43,
    YoungerSister = 44,
}

public enum RelationshipKind
{
    /// <summary>世帯主</summary>
    Head = 1,
    /// <summary>1–4 kinship terms chained with の (妻, 子の妻, 子の子の子の子)</summary>
    Family = 2,
    /// <summary>縁故者: a relative not expressible in 4 generations, or not proven (foreign residents)</summary>
    Kin = 3,
    /// <summary>同居人</summary>
    Cohabitant = 4,
}

/// <summary>
/// 続柄 (relationship to the 世帯主). <see cref="Code"/> is stable for storage: "00" 世帯主, "90" 縁故者, "91" 同居人,
/// otherwise the two-digit <see cref="KinshipTerm"/> numbers in order ("2012" = 子の妻).
/// </summary>
public sealed class Relationship : IEquatable<Relationship>
{
    // 標準1.1.11 ③: ② を4世代まで「の」でつなげたもの; 5世代以上は縁故者.
    public const int MaxGenerations = 4;

    public static Relationship Head { get; } = new(RelationshipKind.Head, []);
    public static Relationship Kin { get; } = new(RelationshipKind.Kin, []);
    public static Relationship Cohabitant { get; } = new(RelationshipKind.Cohabitant, []);

    private Relationship(RelationshipKind kind, ImmutableArray<KinshipTerm> terms)
    {
        Kind = kind;
        Terms = terms;
        Code = kind switch
        {
            RelationshipKind.Head => "00",
            RelationshipKind.Kin => "90",
            RelationshipKind.Cohabitant => "91",
            _ => string.Concat(terms.Select(t => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        Label = kind switch
        {
            RelationshipKind.Head => "世帯主",
            RelationshipKind.Kin => "縁故者",
            RelationshipKind.Cohabitant => "同居人",
            _ => string.Join("の", terms.Select(RelationshipCatalog.Label)),
        };
    }

    public RelationshipKind Kind { get; }
    public ImmutableArray<KinshipTerm> Terms { get; }
    public string Code { get; }
    public string Label { get; }

    /// <summary>A chain such as 子の妻; throws if it is empty, longer than 4 or holds an unknown term.</summary>
    public static Relationship Family(params KinshipTerm[] terms)
    {
        if (terms.Length is 0 or > MaxGenerations)
            throw new ArgumentException($"続柄は1〜{MaxGenerations}世代です。", nameof(terms));
        if (!terms.All(Enum.IsDefined))
            throw new ArgumentException("未定義の続柄が含まれています。", nameof(terms));
        return new Relationship(RelationshipKind.Family, [.. terms]);
    }

    public bool Equals(Relationship? other) => other is not null && other.Code == Code;
    public override bool Equals(object? obj) => Equals(obj as Relationship);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);
    public override string ToString() => Label;
}
