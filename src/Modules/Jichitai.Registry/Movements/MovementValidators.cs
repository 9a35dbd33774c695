using FluentValidation;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Movements;

public sealed class MovementHeaderValidator : AbstractValidator<MovementHeader>
{
    public MovementHeaderValidator()
    {
        RuleFor(x => x.EffectiveOn).NotNull().WithMessage("異動日を入力してください。");
        RuleFor(x => x.NotifiedOn).NotNull().WithMessage("届出日を入力してください。");
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage("備考は1000文字以内で入力してください。");
        RuleFor(x => x.Basis).IsInEnum().When(x => x.Basis is not null).WithMessage("届出・職権・申出の区分が正しくありません。");
    }
}

public sealed class AddressInputValidator : AbstractValidator<AddressInput>
{
    public AddressInputValidator()
    {
        // With a 住所コード the 町字 and 郵便番号 can come from the 住所辞書 (standard 1.3.3); without one they are typed.
        RuleFor(x => x.PostalCode).NotEmpty().WithMessage("郵便番号を入力してください(住所辞書から選ぶと入力されます)。")
            .When(x => string.IsNullOrWhiteSpace(x.AddressCode));
        RuleFor(x => x.PostalCode).Matches(@"^\d{3}-?\d{4}$").WithMessage("郵便番号は7桁の数字(例: 100-0001)で入力してください。")
            .When(x => !string.IsNullOrEmpty(x.PostalCode));
        RuleFor(x => x.Town).NotEmpty().WithMessage("町字を入力してください。").When(x => string.IsNullOrWhiteSpace(x.AddressCode));
        RuleFor(x => x.Town).MaximumLength(100).WithMessage("町字は100文字以内で入力してください。");
        RuleFor(x => x.AddressCode).Must(c => Domain.Addresses.AddressCode.Check(c) is null).When(x => !string.IsNullOrWhiteSpace(x.AddressCode))
            .WithMessage(x => Domain.Addresses.AddressCode.Check(x.AddressCode)!);
        RuleFor(x => x.BlockNumber).NotEmpty().WithMessage("番地を入力してください。").MaximumLength(50).WithMessage("番地は50文字以内で入力してください。");
        RuleFor(x => x.Building).MaximumLength(100).WithMessage("方書は100文字以内で入力してください。");
    }
}

public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator(bool relationshipRequired = true)
    {
        When(x => x.Foreign is null, () =>
        {
            RuleFor(x => x.FamilyName).NotEmpty().WithMessage("氏を入力してください。");
            RuleFor(x => x.GivenName).NotEmpty().WithMessage("名を入力してください。");
            RuleFor(x => x.FamilyNameKana).NotEmpty().WithMessage("氏のフリガナを入力してください。");
            RuleFor(x => x.GivenNameKana).NotEmpty().WithMessage("名のフリガナを入力してください。");
            // 空欄 (standard 1.1.6) and 本籍・筆頭者 (1.1.12): never blank; なし or 不明 when there is none or it is not known.
            RuleFor(x => x.Domicile).NotEmpty().WithMessage("本籍を入力してください(ない場合は「なし」、わからない場合は「不明」)。");
            RuleFor(x => x.DomicileHead).NotEmpty().WithMessage("筆頭者を入力してください(ない場合は「なし」、わからない場合は「不明」)。");
        });
        RuleFor(x => x.FamilyName).MaximumLength(50).WithMessage("氏は50文字以内で入力してください。");
        RuleFor(x => x.GivenName).MaximumLength(50).WithMessage("名は50文字以内で入力してください。");
        RuleFor(x => x.FamilyNameKana).Must(BeKatakana).WithMessage("氏のフリガナはカタカナで入力してください。");
        RuleFor(x => x.GivenNameKana).Must(BeKatakana).WithMessage("名のフリガナはカタカナで入力してください。");
        RuleFor(x => x.BirthDate).NotNull().WithMessage("生年月日を入力してください。");
        RuleFor(x => x.Gender).Must(g => PersonFactory.ParseGender(g) is not null).WithMessage("性別は「男」または「女」を選んでください。");
        if (relationshipRequired)
            RuleFor(x => x.Relationship).Must(r => RelationshipCatalog.TryParse(r, out _, out _))
                .WithMessage(x => { RelationshipCatalog.TryParse(x.Relationship, out _, out var e); return e + "(標準仕様書 1.1.11)。"; });
        RuleFor(x => x.PersonalNumber).Must(n => PersonalNumber.IsValid(n, out _)).When(x => !string.IsNullOrEmpty(x.PersonalNumber))
            .WithMessage(x => { PersonalNumber.IsValid(x.PersonalNumber, out var e); return e ?? "個人番号が正しくありません。"; });
        RuleFor(x => x.ResidentCode).Matches(@"^\d{11}$").When(x => !string.IsNullOrEmpty(x.ResidentCode))
            .WithMessage("住民票コードは11桁の数字で入力してください。");
        RuleFor(x => x.Foreign!).SetValidator(new ForeignInputValidator()).When(x => x.Foreign is not null);
    }

    /// <summary>フリガナ is written in katakana (standard 1.1.18); full-width spaces and ー are allowed.</summary>
    internal static bool BeKatakana(string? s) =>
        string.IsNullOrEmpty(s) || s.All(c => c is >= '\u30A1' and <= '\u30FA' or 'ー' or '　' or ' ' or '・' or 'ヽ' or 'ヾ');
}

public sealed class ForeignInputValidator : AbstractValidator<ForeignInput>
{
    public ForeignInputValidator()
    {
        RuleFor(x => x.AlphabetName).NotEmpty().WithMessage("外国人住民の氏名(アルファベット)を入力してください。").MaximumLength(100).WithMessage("氏名(アルファベット)は100文字以内で入力してください。");
        RuleFor(x => x.Nationality).NotEmpty().WithMessage("国籍・地域を入力してください。");
        RuleFor(x => x.Category).Must(c => PersonFactory.ParseCategory(c) is not null)
            .WithMessage("外国人住民の区分(中長期在留者、特別永住者、一時庇護許可者、仮滞在許可者、経過滞在者)を選んでください。");
        RuleFor(x => x.ResidenceStatus).NotEmpty().When(x => PersonFactory.ParseCategory(x.Category) == Domain.Codes.ForeignResidentCategory.MidToLongTermResident)
            .WithMessage("中長期在留者は在留資格を入力してください(住基法30条の45)。");
        RuleFor(x => x.StayExpiresOn).NotNull().When(x => PersonFactory.ParseCategory(x.Category) == Domain.Codes.ForeignResidentCategory.MidToLongTermResident)
            .WithMessage("中長期在留者は在留期間の満了日を入力してください(住基法30条の45)。");
        // 空欄 (standard 1.1.6): 上陸期間 (一時庇護許可者) and 仮滞在期間 (仮滞在許可者) may not be blank.
        // The period is given as its length or its last day (same reading as BlankItemRules).
        RuleFor(x => x.PeriodOfStay).NotEmpty().When(x => x.StayExpiresOn is null && PersonFactory.ParseCategory(x.Category) is Domain.Codes.ForeignResidentCategory.TemporaryRefugeePermit or Domain.Codes.ForeignResidentCategory.ProvisionalStayPermit)
            .WithMessage(x => PersonFactory.ParseCategory(x.Category) == Domain.Codes.ForeignResidentCategory.TemporaryRefugeePermit ? "一時庇護許可者は上陸期間を入力してください。" : "仮滞在許可者は仮滞在期間を入力してください。");
        RuleFor(x => x.CardNumber).NotEmpty().When(x => PersonFactory.ParseCategory(x.Category) is Domain.Codes.ForeignResidentCategory.MidToLongTermResident or Domain.Codes.ForeignResidentCategory.SpecialPermanentResident)
            .WithMessage("在留カード番号または特別永住者証明書番号を入力してください。");
        RuleFor(x => x.CardNumber).Matches("^[A-Z]{2}[0-9]{8}[A-Z]{2}$").When(x => !string.IsNullOrEmpty(x.CardNumber))
            .WithMessage("在留カード番号・特別永住者証明書番号は英字2桁・数字8桁・英字2桁(例: AB12345678CD)で入力してください。");
    }
}
