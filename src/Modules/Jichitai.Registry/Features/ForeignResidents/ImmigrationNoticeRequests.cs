using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.ForeignResidents;

/// <summary>
/// A notice from the 出入国在留管理庁長官 (住基法30条の50; 標準4.5.6) that changes a 外国人住民's items: 在留資格変更,
/// 在留期間更新, or 入管通知による修正 (any item, incl. a change of 区分). Items left empty stay as they are — except when the
/// 区分 changes: then the 区分ごとの事項 are exactly those given, so an item of the old 区分 does not linger.
/// </summary>
public sealed record ImmigrationNoticeRequest
{
    /// <summary>異動日: the day of the permission or change; 届出日: the day the notice was received.</summary>
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    /// <summary>在留資格変更 / 在留期間更新 / 入管通知による修正</summary>
    public string? Kind { get; init; }
    public string? AlphabetName { get; init; }
    public string? Nationality { get; init; }
    public string? Category { get; init; }
    public string? ResidenceStatus { get; init; }
    public string? PeriodOfStay { get; init; }
    public DateOnly? StayExpiresOn { get; init; }
    public string? CardNumber { get; init; }
}

/// <summary>
/// 入管通知による消除 (住基法30条の50; 標準4.5.6): the person is no longer a 外国人住民 (出国, 在留期間満了, 在留資格の取消し,
/// 退去強制, a change to a status outside the 住民基本台帳). When the head leaves, the household gets a new head (標準4.0.4).
/// </summary>
public sealed record ImmigrationRemovalRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    public string? Kind { get; init; }
    public HeadAssignment RemainingHousehold { get; init; } = new();
}

public sealed class ImmigrationNoticeValidator : AbstractValidator<ImmigrationNoticeRequest>
{
    public ImmigrationNoticeValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("外国人住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => ImmigrationNoticeHandler.ReasonFor(k) is not null)
            .WithMessage("入管通知の種別(在留資格変更、在留期間更新、入管通知による修正)を選んでください。");
        RuleFor(x => x.Category).Must(c => PersonFactory.ParseCategory(c) is not null).When(x => !string.IsNullOrWhiteSpace(x.Category))
            .WithMessage("外国人住民の区分(中長期在留者、特別永住者、一時庇護許可者、仮滞在許可者、経過滞在者)を選んでください。");
        RuleFor(x => x.AlphabetName).MaximumLength(100).WithMessage("氏名(アルファベット)は100文字以内で入力してください。");
        RuleFor(x => x.ResidenceStatus).NotEmpty().When(x => x.Kind?.Trim() == ImmigrationNoticeHandler.StatusChange)
            .WithMessage("在留資格変更では変更後の在留資格を入力してください。");
        RuleFor(x => x.StayExpiresOn).NotNull().When(x => x.Kind?.Trim() == ImmigrationNoticeHandler.Renewal)
            .WithMessage("在留期間更新では更新後の在留期間の満了日を入力してください。");
        RuleFor(x => x.StayExpiresOn).Must((x, expires) => expires >= x.Header.EffectiveOn)
            .When(x => x.StayExpiresOn is not null && x.Header.EffectiveOn is not null)
            .WithMessage(x => $"在留期間の満了日({x.StayExpiresOn:yyyy-MM-dd})が異動日({x.Header.EffectiveOn:yyyy-MM-dd})より前です。満了日を確認してください。");
        RuleFor(x => x.CardNumber).Matches("^[A-Z]{2}[0-9]{8}[A-Z]{2}$").When(x => !string.IsNullOrWhiteSpace(x.CardNumber))
            .WithMessage("在留カード番号・特別永住者証明書番号は英字2桁・数字8桁・英字2桁(例: AB12345678CD)で入力してください。");
    }
}

public sealed class ImmigrationRemovalValidator : AbstractValidator<ImmigrationRemovalRequest>
{
    public ImmigrationRemovalValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("消除する外国人住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => ImmigrationRemovalHandler.Kinds.Contains(k?.Trim()))
            .WithMessage($"消除の事由({string.Join("、", ImmigrationRemovalHandler.Kinds)})を選んでください。");
    }
}

public static class ImmigrationNoticeHandler
{
    public const string StatusChange = "在留資格変更";
    public const string Renewal = "在留期間更新";
    public const string Correction = "入管通知による修正";
    public static readonly string[] Kinds = [StatusChange, Renewal, Correction];

    public static MovementReasonCode? ReasonFor(string? kind) => kind?.Trim() switch
    {
        StatusChange => MovementReasonCode.StatusOfResidenceChange,
        Renewal => MovementReasonCode.PeriodOfStayRenewal,
        Correction => MovementReasonCode.ImmigrationNoticeCorrection,
        _ => null,
    };

    // 住基法30条の50 / 標準4.5.6: 出入国在留管理庁長官通知に基づく修正.
    public static async Task<MovementDraft> HandleAsync(MovementSession session, ImmigrationNoticeRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new ImmigrationNoticeValidator(), request);
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var current = ForeignItemRules.RequireForeign(person, "入管通知による修正");
        session.Update(person, person.Record with { Foreign = Apply(current, request) });
        var kind = request.Kind!.Trim();
        return new MovementDraft(ReasonFor(kind)!.Value, request.Header.EffectiveOn!.Value, request.Header.NotifiedOn!.Value,
            $"{kind} 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }

    /// <summary>
    /// The items after the notice, checked as a whole (the counter page calls this to confirm before anything is written).
    /// Errors name the request's own fields ("cardNumber", "residenceStatus" …).
    /// </summary>
    public static ForeignResidentItems Apply(ForeignResidentItems current, ImmigrationNoticeRequest request)
    {
        var kind = request.Kind?.Trim();
        var category = PersonFactory.ParseCategory(request.Category) ?? current.Category;
        var categoryChanged = category != current.Category;
        string? Item(string? given, string? now) => ForeignItemRules.Blank(given) ?? (categoryChanged ? null : now);
        var next = current with
        {
            AlphabetName = ForeignItemRules.Blank(request.AlphabetName) ?? current.AlphabetName,
            Nationality = ForeignItemRules.Blank(request.Nationality) ?? current.Nationality,
            Category = category,
            ResidenceStatus = Item(request.ResidenceStatus, current.ResidenceStatus),
            PeriodOfStay = Item(request.PeriodOfStay, current.PeriodOfStay),
            StayExpiresOn = request.StayExpiresOn ?? (categoryChanged ? null : current.StayExpiresOn),
            CardNumber = Item(request.CardNumber, current.CardNumber),
        };

        if (kind == StatusChange)
        {
            if (category != ForeignResidentCategory.MidToLongTermResident)
                throw new DomainException("registry.immigration.status-category", "在留資格変更の後の区分は中長期在留者です(在留資格は中長期在留者の記載事項です)。", "category");
            if (!categoryChanged && next.ResidenceStatus == current.ResidenceStatus)
                throw new DomainException("registry.immigration.status-same", $"在留資格が現在(「{current.ResidenceStatus}」)と同じです。変更後の在留資格を入力してください。", "residenceStatus");
        }
        if (kind == Renewal)
        {
            if (current.Category != ForeignResidentCategory.MidToLongTermResident || categoryChanged)
                throw new DomainException("registry.immigration.renewal-category", "在留期間更新は中長期在留者の区分のまま記録します。区分が変わる場合は「入管通知による修正」で入力してください。", "category");
            if (next.ResidenceStatus != current.ResidenceStatus)
                throw new DomainException("registry.immigration.renewal-status", "在留期間更新では在留資格は変わりません。在留資格が変わる場合は「在留資格変更」で入力してください。", "residenceStatus");
            if (current.StayExpiresOn is { } before && next.StayExpiresOn <= before)
                throw new DomainException("registry.immigration.renewal-expiry", $"更新後の在留期間の満了日は、現在の満了日({before:yyyy-MM-dd})より後の日付を入力してください。", "stayExpiresOn");
        }
        InputValidation.Ensure(new ForeignItemsValidator(), ForeignItemRules.ToInput(next));
        if (next == current)
            throw new DomainException("registry.immigration.nothing", "入管通知により変わる項目が入力されていません。", "kind");
        return next;
    }
}

public static class ImmigrationRemovalHandler
{
    public const string Expiry = "在留期間満了";
    public static readonly string[] Kinds = ["出国", Expiry, "在留資格の取消し", "退去強制", "住基法対象外の在留資格への変更"];

    // 住基法30条の50 / 標準4.5.6: 出入国在留管理庁長官通知に基づく消除.
    public static async Task<MovementDraft> HandleAsync(MovementSession session, ImmigrationRemovalRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new ImmigrationRemovalValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var kind = request.Kind!.Trim();
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var foreign = ForeignItemRules.RequireForeign(person, "入管通知による消除");
        if (kind == Expiry)
        {
            if (foreign.StayExpiresOn is not { } expires)
                throw new DomainException("registry.immigration.no-expiry", $"この方({foreign.Category.Label()})には在留期間の満了日が記載されていません。消除の事由を確認してください。", "kind");
            if (effectiveOn <= expires)
                throw new DomainException("registry.immigration.not-expired", $"在留期間の満了日は {expires:yyyy-MM-dd} です。在留期間満了による消除の異動日は満了日より後の日付です。", "header.effectiveOn");
        }
        session.Update(person, person.Record with
        {
            Status = ResidentStatus.Removed, RemovedOn = effectiveOn, RemovalReason = MovementReasonCode.ImmigrationNoticeRemoval,
        });
        if (person.Record.HouseholdId is long h)
        {
            var staying = (await session.MembersAsync(h, ct)).Where(m => m.Row.Id != person.Row.Id).ToList();
            if (staying.Count > 0) HouseholdReshape.Apply(session, staying, request.RemainingHousehold);
        }
        return new MovementDraft(MovementReasonCode.ImmigrationNoticeRemoval, effectiveOn, request.Header.NotifiedOn!.Value,
            $"入管通知による消除({kind}) 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
