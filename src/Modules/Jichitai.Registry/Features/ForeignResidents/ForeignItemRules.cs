using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.ForeignResidents;

/// <summary>Which 区分ごとの事項 each 外国人住民の区分 carries, and the checks shared by the 外国人住民 movements.</summary>
public static class ForeignItemRules
{
    // 住基法30条の45の表 (codes.md 外国人住民の区分): 在留資格・満了日 only for 中長期在留者; 期間 for 中長期 (在留期間),
    // 一時庇護 (上陸期間) and 仮滞在 (仮滞在期間); the card number for 中長期 (在留カード) and 特別永住者 (証明書).
    public static bool HasResidenceStatus(ForeignResidentCategory c) => c == ForeignResidentCategory.MidToLongTermResident;
    public static bool HasStayExpiry(ForeignResidentCategory c) => c == ForeignResidentCategory.MidToLongTermResident;
    public static bool HasPeriod(ForeignResidentCategory c) => c is ForeignResidentCategory.MidToLongTermResident
        or ForeignResidentCategory.TemporaryRefugeePermit or ForeignResidentCategory.ProvisionalStayPermit;
    public static bool HasCardNumber(ForeignResidentCategory c) => c.CardNumberItem() != ResidenceCardNumberItem.None;

    /// <summary>The name of the 期間 item of a category (在留期間 / 上陸期間 / 仮滞在期間).</summary>
    public static string PeriodLabel(ForeignResidentCategory c) => c switch
    {
        ForeignResidentCategory.TemporaryRefugeePermit => "上陸期間",
        ForeignResidentCategory.ProvisionalStayPermit => "仮滞在期間",
        _ => "在留期間",
    };

    /// <summary>中長期在留者等 (住基法30条の46): the categories that enter by 30条の46転入 or 30条の47届出; 経過滞在者 arise only by 出生・国籍喪失.</summary>
    public static bool MayEnterByNotification(ForeignResidentCategory c) => c != ForeignResidentCategory.TransitionalStay;

    /// <summary>The resident is a current 外国人住民, or the movement is refused against <paramref name="field"/>.</summary>
    public static ForeignResidentItems RequireForeign(TrackedResident person, string what, string field = "addresseeNumber") =>
        person.Record is { Kind: ResidentKind.Foreign, Foreign: { } f } ? f
            : throw new DomainException("registry.foreign.not-foreign",
                $"宛名番号 {person.Row.AddresseeNumber} の住民は日本人住民です。{what}は外国人住民だけに記録できます。", field, 409);

    public static void RequireJapanese(TrackedResident person, string what, string field = "addresseeNumber")
    {
        if (person.Record.Kind != ResidentKind.Japanese)
            throw new DomainException("registry.foreign.not-japanese",
                $"宛名番号 {person.Row.AddresseeNumber} の住民は外国人住民です。{what}は日本人住民だけに記録できます。", field, 409);
    }

    /// <summary>The 外国人住民の記載事項 of validated input; 通称 recorded on <paramref name="recordedOn"/> by <paramref name="municipality"/> enters the history.</summary>
    public static ForeignResidentItems ToItems(ForeignInput f, DateOnly recordedOn, string municipality) => new()
    {
        AlphabetName = f.AlphabetName!.Trim(),
        CommonName = Blank(f.CommonName),
        CommonNameKana = Blank(f.CommonNameKana),
        CommonNameHistory = Blank(f.CommonName) is { } cn ? [new CommonNameEntry(cn, recordedOn, null, municipality)] : [],
        Nationality = f.Nationality!.Trim(),
        Category = PersonFactory.ParseCategory(f.Category)!.Value,
        ResidenceStatus = Blank(f.ResidenceStatus),
        PeriodOfStay = Blank(f.PeriodOfStay),
        StayExpiresOn = f.StayExpiresOn,
        CardNumber = Blank(f.CardNumber),
    };

    public static ForeignInput ToInput(ForeignResidentItems f) => new()
    {
        AlphabetName = f.AlphabetName, CommonName = f.CommonName, CommonNameKana = f.CommonNameKana, Nationality = f.Nationality,
        Category = f.Category.Label(), ResidenceStatus = f.ResidenceStatus, PeriodOfStay = f.PeriodOfStay,
        StayExpiresOn = f.StayExpiresOn, CardNumber = f.CardNumber,
    };

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// The 外国人住民の記載事項 of one person: the base rules of <see cref="ForeignInputValidator"/> plus the 区分ごとの事項 of
/// 住基法30条の45の表 — an item the category does not carry is refused rather than silently dropped.
/// </summary>
public sealed class ForeignItemsValidator : AbstractValidator<ForeignInput>
{
    public ForeignItemsValidator()
    {
        Include(new ForeignInputValidator());
        When(x => PersonFactory.ParseCategory(x.Category) is not null, () =>
        {
            RuleFor(x => x.ResidenceStatus).Empty().When(x => !ForeignItemRules.HasResidenceStatus(Category(x)))
                .WithMessage(x => $"{Category(x).Label()}の住民票には在留資格を記載しません(住基法30条の45)。");
            RuleFor(x => x.StayExpiresOn).Null().When(x => !ForeignItemRules.HasStayExpiry(Category(x)))
                .WithMessage(x => $"{Category(x).Label()}の住民票には在留期間の満了日を記載しません(住基法30条の45)。");
            RuleFor(x => x.PeriodOfStay).Empty().When(x => !ForeignItemRules.HasPeriod(Category(x)))
                .WithMessage(x => $"{Category(x).Label()}の住民票には在留期間等を記載しません(住基法30条の45)。");
            RuleFor(x => x.PeriodOfStay).NotEmpty().When(x => ForeignItemRules.HasPeriod(Category(x)))
                .WithMessage(x => $"{Category(x).Label()}は{ForeignItemRules.PeriodLabel(Category(x))}を入力してください(住基法30条の45)。");
            RuleFor(x => x.CardNumber).Empty().When(x => !ForeignItemRules.HasCardNumber(Category(x)))
                .WithMessage(x => $"{Category(x).Label()}の住民票には在留カード等の番号を記載しません(住基法30条の45)。");
        });
        RuleFor(x => x.CommonName).MaximumLength(100).WithMessage("通称は100文字以内で入力してください。");
        RuleFor(x => x.CommonNameKana).Must(PersonInputValidator.BeKatakana).WithMessage("通称のフリガナはカタカナで入力してください。");
    }

    private static ForeignResidentCategory Category(ForeignInput x) => PersonFactory.ParseCategory(x.Category)!.Value;
}

/// <summary>A person entering as a 外国人住民: the person rules, with the 外国人住民の記載事項 required.</summary>
public sealed class ForeignPersonValidator : AbstractValidator<PersonInput>
{
    public ForeignPersonValidator(bool entryByNotification)
    {
        Include(new PersonInputValidator());
        RuleFor(x => x.Foreign).NotNull().WithMessage("外国人住民の記載事項(氏名(アルファベット)・国籍・地域・区分など)を入力してください(住基法30条の45)。");
        RuleFor(x => x.Foreign!).SetValidator(new ForeignItemsValidator()).When(x => x.Foreign is not null);
        if (entryByNotification)
            RuleFor(x => x.Foreign!.Category)
                .Must(c => PersonFactory.ParseCategory(c) is not { } cat || ForeignItemRules.MayEnterByNotification(cat))
                .When(x => x.Foreign is not null)
                .WithMessage("経過滞在者は出生又は国籍喪失による区分です。法第30条の46転入・法第30条の47届出では中長期在留者・特別永住者・一時庇護許可者・仮滞在許可者を選んでください。");
    }
}
