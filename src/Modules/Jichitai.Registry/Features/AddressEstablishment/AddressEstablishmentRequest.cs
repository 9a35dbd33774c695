using FluentValidation;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.AddressEstablishment;

/// <summary>
/// 住所設定 (住基法8条; 標準4.2.1.1): 職権記載 of people found living here who came from nowhere a 転入届 could name — the
/// previous address cannot be established (転入前住所「不明」) or there was none (blank, e.g. born abroad and never registered).
/// Unlike 未届転入 (a 転入 whose 届出 was missed, 標準4.1.1.4) it is not a 届出: no 届出期間, and the 届出日 field holds the day
/// the fact was confirmed or the 申出 received (標準4.2.0.4/4.2.0.5 allow one date item).
/// </summary>
public sealed record AddressEstablishmentRequest
{
    /// <summary>異動日: the day the address was set; 届出日: the day of the 職権調査 or 申出.</summary>
    public MovementHeader Header { get; init; } = new();
    public AddressInput Address { get; init; } = new();
    public string? JoinHouseholdNumber { get; init; }
    /// <summary>前住所地が不明で確定できない: 転入前住所 is written 「不明」; otherwise it stays blank (標準4.2.1.1).</summary>
    public bool PreviousAddressUnknown { get; init; }
    /// <summary>最終登録住所地: a data item kept with the record, not a 住民票記載事項 (標準4.2.1.1).</summary>
    public string? LastRegisteredAddress { get; init; }
    public IReadOnlyList<PersonInput> Members { get; init; } = [];
    public bool DuplicateConfirmed { get; init; }
}

public sealed class AddressEstablishmentValidator : AbstractValidator<AddressEstablishmentRequest>
{
    public AddressEstablishmentValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.Header.Basis).Must(b => b is null or MovementBasis.Official or MovementBasis.Application)
            .WithMessage("住所設定は職権記載です。届出による場合は転入(未届転入を含む)で入力してください。");
        RuleFor(x => x.Address).SetValidator(new AddressInputValidator());
        RuleFor(x => x.LastRegisteredAddress).MaximumLength(200).WithMessage("最終登録住所地は200文字以内で入力してください。");
        RuleFor(x => x.Members).NotEmpty().WithMessage("住所設定をする住民を1人以上入力してください。");
        RuleForEach(x => x.Members).SetValidator(new PersonInputValidator());
        RuleFor(x => x.Members).Must(m => m.Count(p => p.Relationship?.Trim() == HouseholdRules.HeadRelationship) == 1)
            .When(x => string.IsNullOrWhiteSpace(x.JoinHouseholdNumber) && x.Members.Count > 0)
            .WithMessage("新しい世帯には世帯主を1人だけ指定してください(続柄「世帯主」)。");
        RuleFor(x => x.Members).Must(m => m.All(p => p.Relationship?.Trim() != HouseholdRules.HeadRelationship))
            .When(x => !string.IsNullOrWhiteSpace(x.JoinHouseholdNumber))
            .WithMessage("既存の世帯に入る方の続柄に「世帯主」は指定できません(世帯主変更で行ってください)。");
    }
}

public static class AddressEstablishmentHandler
{
    /// <summary>標準4.2.1.1: 前住所地が不明で確定できない場合の転入前住所.</summary>
    public const string UnknownPreviousAddress = "不明";

    // 住基法8条 / 標準4.2.1.1 住所設定: 職権記載; 転入前住所は「不明」または空欄; 最終登録住所地は記載事項外のデータ項目.
    public static async Task<MovementDraft> HandleAsync(MovementSession session, AddressEstablishmentRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new AddressEstablishmentValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var notifiedOn = request.Header.NotifiedOn!.Value;
        if (!request.DuplicateConfirmed) await ForeignEntryRules.WarnOnDuplicatesAsync(session, request.Members, ct);
        var address = PersonFactory.ToAddress(request.Address);
        var previous = request.PreviousAddressUnknown ? new PriorAddress { Text = UnknownPreviousAddress } : null;
        var last = string.IsNullOrWhiteSpace(request.LastRegisteredAddress) ? null : request.LastRegisteredAddress.Trim();
        var household = await ForeignEntryRules.EnterAsync(session, request.JoinHouseholdNumber, request.Members, r => r with
        {
            Address = address, BecameResidentOn = effectiveOn, AddressSetOn = effectiveOn, AddressNotifiedOn = notifiedOn,
            PreviousAddress = previous, LastRegisteredAddress = last,
        }, effectiveOn, ct);
        return new MovementDraft(MovementReasonCode.AddressEstablished, effectiveOn, notifiedOn,
            $"住所設定 {request.Members.Count}人 世帯 {household}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
