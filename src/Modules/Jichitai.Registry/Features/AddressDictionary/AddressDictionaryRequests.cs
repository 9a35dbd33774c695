using FluentValidation;
using Jichitai.Registry.Domain.Addresses;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.AddressDictionary;

/// <summary>A 町字 as entered by the registry officer (standard 1.3.3). Names are without the level above ("本町一丁目").</summary>
public sealed record AddressEntryRequest
{
    public string? Code { get; init; }
    public string? PostalCode { get; init; }
    public string? Prefecture { get; init; }
    public string? PrefectureKana { get; init; }
    public string? Municipality { get; init; }
    public string? MunicipalityKana { get; init; }
    public string? Town { get; init; }
    public string? TownKana { get; init; }
    /// <summary>住居表示 / 地番 / 区画整理 (standard 1.3.2).</summary>
    public string? Scheme { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public string? Note { get; init; }
}

/// <summary>廃止: the first day the 町字 (or 方書) no longer exists.</summary>
public sealed record AbolishRequest(DateOnly? On);

/// <summary>A 方書 at a 番地 of a 町字 (standard 1.3.4).</summary>
public sealed record BuildingEntryRequest
{
    public string? BlockNumber { get; init; }
    public string? Name { get; init; }
    public string? NameKana { get; init; }
    public DateOnly? ValidFrom { get; init; }
}

public sealed record AddressListQuery(string? Q = null, DateOnly? On = null, bool IncludeAbolished = false, int Limit = 200);

public sealed record AddressEntryView(long Id, string Code, string PostalCode, string Prefecture, string PrefectureKana, string Municipality,
    string MunicipalityKana, string Town, string TownKana, string Scheme, DateOnly ValidFrom, DateOnly? AbolishedOn, bool Active,
    string AddressText, string FullName, string? Note, IReadOnlyList<BuildingEntryView> Buildings);

public sealed record BuildingEntryView(long Id, long AddressEntryId, string BlockNumber, string Name, string? NameKana, DateOnly ValidFrom, DateOnly? AbolishedOn, bool Active);

public sealed class AddressEntryValidator : AbstractValidator<AddressEntryRequest>
{
    public AddressEntryValidator()
    {
        RuleFor(x => x.Code).Must(c => AddressCode.Check(c) is null).WithMessage(x => AddressCode.Check(x.Code)!);
        RuleFor(x => x.PostalCode).NotEmpty().WithMessage("郵便番号を入力してください(標準仕様書 1.3.3)。");
        RuleFor(x => x.PostalCode).Matches(@"^\d{3}-?\d{4}$").WithMessage("郵便番号は7桁の数字(例: 100-0001)で入力してください。")
            .When(x => !string.IsNullOrEmpty(x.PostalCode));
        Name(x => x.Prefecture, "都道府県名");
        Name(x => x.Municipality, "市区町村名");
        Name(x => x.Town, "町字名");
        Kana(x => x.PrefectureKana, "都道府県名のカナ");
        Kana(x => x.MunicipalityKana, "市区町村名のカナ");
        Kana(x => x.TownKana, "町字名のカナ");
        RuleFor(x => x.Scheme).Must(s => AddressSchemes.Parse(s) is not null).WithMessage("住居表示・地番の区分(住居表示、地番、区画整理)を選んでください(標準仕様書 1.3.2)。");
        RuleFor(x => x.ValidFrom).NotNull().WithMessage("施行日(町字が設けられた日)を入力してください。");
        RuleFor(x => x.Note).MaximumLength(500).WithMessage("備考は500文字以内で入力してください。");
    }

    /// <summary>Readings of places: katakana, with the digits of 丁目 or 番 (カンダスダチョウ1チョウメ).</summary>
    internal static bool BeReading(string? s) => PersonInputValidator.BeKatakana(new string((s ?? "").Where(c => !char.IsAsciiDigit(c)).ToArray()));

    private void Name(System.Linq.Expressions.Expression<Func<AddressEntryRequest, string?>> f, string label) =>
        RuleFor(f).NotEmpty().WithMessage($"{label}を入力してください。").MaximumLength(100).WithMessage($"{label}は100文字以内で入力してください。");

    private void Kana(System.Linq.Expressions.Expression<Func<AddressEntryRequest, string?>> f, string label) =>
        RuleFor(f).NotEmpty().WithMessage($"{label}を入力してください(住所カナ入力に使います。標準仕様書 1.3.3)。")
            .Must(BeReading).WithMessage($"{label}はカタカナ(丁目などの数字は可)で入力してください。")
            .MaximumLength(100).WithMessage($"{label}は100文字以内で入力してください。");
}

public sealed class BuildingEntryValidator : AbstractValidator<BuildingEntryRequest>
{
    public BuildingEntryValidator()
    {
        RuleFor(x => x.BlockNumber).NotEmpty().WithMessage("方書の番地を入力してください(方書は住所に紐付けて登録します。標準仕様書 1.3.4)。")
            .MaximumLength(50).WithMessage("番地は50文字以内で入力してください。");
        RuleFor(x => x.Name).NotEmpty().WithMessage("方書(建物名)を入力してください。").MaximumLength(100).WithMessage("方書は100文字以内で入力してください。");
        RuleFor(x => x.NameKana).Must(AddressEntryValidator.BeReading).WithMessage("方書のカナはカタカナ(数字は可)で入力してください。")
            .MaximumLength(100).WithMessage("方書のカナは100文字以内で入力してください。");
        RuleFor(x => x.ValidFrom).NotNull().WithMessage("方書の登録日(使用開始日)を入力してください。");
    }
}
