using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Movements;

/// <summary>What every 異動 carries: 異動日 (date of the fact), 届出日, and a free note (standard 4.0.3, 4.1.0.2).</summary>
public sealed record MovementHeader
{
    public DateOnly? EffectiveOn { get; init; }
    /// <summary>届出日; for a 戸籍届出・通知 or a 申出 the same item holds that date (標準4.2.0.4, 4.2.0.5 allow one item).</summary>
    public DateOnly? NotifiedOn { get; init; }
    public string? Note { get; init; }
    /// <summary>
    /// Empty: the movement's own basis (届出 for 4.1 movements, 職権 for 4.2). 職権 on a 届出 movement: recorded without the 届出
    /// (標準4.2.0.2 届出の準用; no 届出期間). 申出: a 職権記載等 on the resident's 申出 (標準4.2.0.5). See <see cref="MovementDraft.WithBasis"/>.
    /// </summary>
    public MovementBasis? Basis { get; init; }
}


/// <summary>One person as entered at the counter (転入, 出生, 職権記載).</summary>
public sealed record PersonInput
{
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public bool KanaConfirmed { get; init; }
    public string? FormerSurname { get; init; }
    public string? FormerSurnameKana { get; init; }
    public DateOnly? BirthDate { get; init; }
    /// <summary>"男" or "女" (or "1" / "2").</summary>
    public string? Gender { get; init; }
    public string? Relationship { get; init; }
    public string? Domicile { get; init; }
    public string? DomicileHead { get; init; }
    public string? PersonalNumber { get; init; }
    public string? ResidentCode { get; init; }
    public ForeignInput? Foreign { get; init; }
}

/// <summary>外国人住民の記載事項 (住基法30条の45).</summary>
public sealed record ForeignInput
{
    public string? AlphabetName { get; init; }
    public string? CommonName { get; init; }
    public string? CommonNameKana { get; init; }
    public string? Nationality { get; init; }
    /// <summary>中長期在留者 / 特別永住者 / 一時庇護許可者 / 仮滞在許可者 / 経過滞在者</summary>
    public string? Category { get; init; }
    public string? ResidenceStatus { get; init; }
    public string? PeriodOfStay { get; init; }
    public DateOnly? StayExpiresOn { get; init; }
    public string? CardNumber { get; init; }
}

public sealed record AddressInput
{
    public string? PostalCode { get; init; }
    public string? Town { get; init; }
    public string? BlockNumber { get; init; }
    public string? Building { get; init; }
    public string? AddressCode { get; init; }
}

/// <summary>Runs a FluentValidation validator and turns its failures into one Japanese, field-by-field error.</summary>
public static class InputValidation
{
    public static void Ensure<T>(IValidator<T> validator, T request)
    {
        var result = validator.Validate(request);
        if (result.IsValid) return;
        var errors = result.Errors.GroupBy(e => ToFieldPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        throw new DomainValidationException(errors);
    }

    /// <summary>"Members[0].FamilyName" → "members[0].familyName", the JSON path the client sent.</summary>
    private static string ToFieldPath(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
