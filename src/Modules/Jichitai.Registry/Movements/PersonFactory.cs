using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Movements;

/// <summary>Builds records from validated counter input.</summary>
public static class PersonFactory
{
    public static Gender? ParseGender(string? text) => text?.Trim() switch
    {
        "男" or "1" or "male" => Gender.Male,
        "女" or "2" or "female" => Gender.Female,
        _ => null,
    };

    public static ForeignResidentCategory? ParseCategory(string? text) =>
        Enum.GetValues<ForeignResidentCategory>().Cast<ForeignResidentCategory?>()
            .FirstOrDefault(c => c!.Value.Label() == text?.Trim() || c.Value.ToString() == text?.Trim());

    public static Address ToAddress(AddressInput a) => new()
    {
        PostalCode = NormalizePostalCode(a.PostalCode!),
        Town = a.Town!.Trim(),
        BlockNumber = a.BlockNumber!.Trim(),
        Building = string.IsNullOrWhiteSpace(a.Building) ? null : a.Building.Trim(),
        AddressCode = string.IsNullOrWhiteSpace(a.AddressCode) ? null : a.AddressCode.Trim(),
    };

    public static string NormalizePostalCode(string code)
    {
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 7 ? $"{digits[..3]}-{digits[3..]}" : code.Trim();
    }

    /// <summary>A new record from a person's input; household, address and dates are set by the caller.</summary>
    public static ResidentRecord NewRecord(PersonInput p, MovementSession session) =>
        session.WithPersonalNumber(NewRecordWithoutNumber(p, session), p.PersonalNumber);

    private static ResidentRecord NewRecordWithoutNumber(PersonInput p, MovementSession session)
    {
        var foreign = p.Foreign is { } f ? new ForeignResidentItems
        {
            AlphabetName = f.AlphabetName!.Trim(),
            CommonName = Blank(f.CommonName),
            CommonNameKana = Blank(f.CommonNameKana),
            CommonNameHistory = Blank(f.CommonName) is { } cn ? [new CommonNameEntry(cn, session.Today, null, session.Municipality)] : [],
            Nationality = f.Nationality!.Trim(),
            Category = ParseCategory(f.Category)!.Value,
            ResidenceStatus = Blank(f.ResidenceStatus),
            PeriodOfStay = Blank(f.PeriodOfStay),
            StayExpiresOn = f.StayExpiresOn,
            CardNumber = Blank(f.CardNumber),
        } : null;
        return new ResidentRecord
        {
            Kind = foreign is null ? ResidentKind.Japanese : ResidentKind.Foreign,
            FamilyName = p.FamilyName?.Trim() ?? "",
            GivenName = p.GivenName?.Trim() ?? "",
            FamilyNameKana = p.FamilyNameKana?.Trim() ?? "",
            GivenNameKana = p.GivenNameKana?.Trim() ?? "",
            KanaConfirmed = p.KanaConfirmed,
            FormerSurname = Blank(p.FormerSurname),
            FormerSurnameKana = Blank(p.FormerSurnameKana),
            BirthDate = p.BirthDate!.Value,
            Gender = ParseGender(p.Gender)!.Value,
            Relationship = CanonicalRelationship(p.Relationship) ?? "",
            Domicile = foreign is null ? Blank(p.Domicile) : null,
            DomicileHead = foreign is null ? Blank(p.DomicileHead) : null,
            ResidentCode = Blank(p.ResidentCode),
            Foreign = foreign,
        };
    }

    /// <summary>The standard's spelling of a 続柄 typed by the clerk (full/half width, spaces).</summary>
    public static string? CanonicalRelationship(string? text) => RelationshipCatalog.TryParse(text, out var r, out _) ? r!.Label : text?.Trim();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
