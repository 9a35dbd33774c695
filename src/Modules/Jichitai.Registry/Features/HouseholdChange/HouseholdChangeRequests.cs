using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.HouseholdChange;

/// <summary>世帯分離 (住基法25条; standard 4.1.4.1): members leave their household at the same address and form a new one.</summary>
public sealed record HouseholdSplitRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? HouseholdNumber { get; init; }
    public IReadOnlyList<string> AddresseeNumbers { get; init; } = [];
    public HeadAssignment NewHousehold { get; init; } = new();
    public HeadAssignment RemainingHousehold { get; init; } = new();
}

/// <summary>世帯合併 (住基法25条): all members of one household join another at the same address.</summary>
public sealed record HouseholdMergeRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? FromHouseholdNumber { get; init; }
    public string? IntoHouseholdNumber { get; init; }
    /// <summary>宛名番号 → 続柄 to the head of the joined household, for every member who moves over.</summary>
    public IReadOnlyDictionary<string, string> Relationships { get; init; } = new Dictionary<string, string>();
}

/// <summary>世帯主変更 (住基法25条; standard 4.1.4.2): a new head; every other member's 続柄 is set anew.</summary>
public sealed record HeadChangeRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? HouseholdNumber { get; init; }
    public HeadAssignment Assignment { get; init; } = new();
}

public sealed class HouseholdSplitValidator : AbstractValidator<HouseholdSplitRequest>
{
    public HouseholdSplitValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.HouseholdNumber).NotEmpty().WithMessage("分離元の世帯番号を入力してください。");
        RuleFor(x => x.AddresseeNumbers).NotEmpty().WithMessage("分離する世帯員を選んでください。");
        RuleFor(x => x.NewHousehold.NewHeadAddresseeNumber).NotEmpty().WithMessage("新しい世帯の世帯主を選んでください。");
    }
}

public static class HouseholdChangeHandlers
{
    public static async Task<MovementDraft> SplitAsync(MovementSession session, HouseholdSplitRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new HouseholdSplitValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var household = await session.GetHouseholdAsync(request.HouseholdNumber, "householdNumber", ct);
        var members = await session.MembersAsync(household.Id, ct);
        var leaving = RelocationHandler.Subset(members, request.AddresseeNumbers);
        if (leaving.Count == members.Count)
            throw new DomainException("registry.split.everyone", "世帯員全員を分離することはできません(世帯主変更を使ってください)。", "addresseeNumbers");
        var created = await session.NewHouseholdAsync(effectiveOn, ct);
        HouseholdReshape.Apply(session, leaving, request.NewHousehold, r => r with { HouseholdId = created.Id, HouseholdNumber = created.HouseholdNumber });
        HouseholdReshape.Apply(session, members.Except(leaving).ToList(), request.RemainingHousehold);
        return new MovementDraft(MovementReasonCode.HouseholdSplit, effectiveOn, request.Header.NotifiedOn!.Value,
            $"世帯分離 {leaving.Count}人 世帯 {household.HouseholdNumber} → {created.HouseholdNumber}") { Note = request.Header.Note }.WithBasis(request.Header);
    }

    public static async Task<MovementDraft> MergeAsync(MovementSession session, HouseholdMergeRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new InlineValidator<HouseholdMergeRequest>
        {
            v => v.RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator()),
            v => v.RuleFor(x => x.FromHouseholdNumber).NotEmpty().WithMessage("合併する(なくなる)世帯の世帯番号を入力してください。"),
            v => v.RuleFor(x => x.IntoHouseholdNumber).NotEmpty().WithMessage("合併先の世帯番号を入力してください。"),
        }, request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var from = await session.GetHouseholdAsync(request.FromHouseholdNumber, "fromHouseholdNumber", ct);
        var into = await session.GetHouseholdAsync(request.IntoHouseholdNumber, "intoHouseholdNumber", ct);
        if (from.Id == into.Id) throw new DomainException("registry.merge.same", "合併元と合併先が同じ世帯です。", "intoHouseholdNumber");
        var joining = await session.MembersAsync(from.Id, ct);
        var existing = await session.MembersAsync(into.Id, ct);
        if (joining.Count == 0 || existing.Count == 0) throw new DomainException("registry.merge.empty", "現在の世帯員がいない世帯は合併できません。", "fromHouseholdNumber", 409);
        if (joining[0].Record.Address != existing[0].Record.Address)
            throw new DomainException("registry.merge.address", "住所の異なる世帯は合併できません(転居と合わせた世帯変更は扱いません。標準仕様書 4.1.4.1)。", "intoHouseholdNumber", 409);
        var order = existing.Max(m => m.Record.MemberOrder);
        foreach (var m in joining)
        {
            if (!request.Relationships.TryGetValue(m.Row.AddresseeNumber, out var rel) || !RelationshipCatalog.TryParse(rel, out var parsed, out _) || parsed!.Label == Residents.HouseholdRules.HeadRelationship)
                throw new DomainException("registry.household.relationship-required",
                    $"宛名番号 {m.Row.AddresseeNumber}({m.Record.FullName})の合併先の世帯主との続柄を入力してください。", $"relationships[{m.Row.AddresseeNumber}]");
            session.Update(m, m.Record with { HouseholdId = into.Id, HouseholdNumber = into.HouseholdNumber, Relationship = parsed.Label, MemberOrder = ++order });
        }
        return new MovementDraft(MovementReasonCode.HouseholdMerge, effectiveOn, request.Header.NotifiedOn!.Value,
            $"世帯合併 {from.HouseholdNumber} → {into.HouseholdNumber} {joining.Count}人") { Note = request.Header.Note }.WithBasis(request.Header);
    }

    public static async Task<MovementDraft> HeadChangeAsync(MovementSession session, HeadChangeRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new InlineValidator<HeadChangeRequest>
        {
            v => v.RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator()),
            v => v.RuleFor(x => x.HouseholdNumber).NotEmpty().WithMessage("世帯番号を入力してください。"),
            v => v.RuleFor(x => x.Assignment.NewHeadAddresseeNumber).NotEmpty().WithMessage("新しい世帯主を選んでください。"),
        }, request);
        var household = await session.GetHouseholdAsync(request.HouseholdNumber, "householdNumber", ct);
        var members = await session.MembersAsync(household.Id, ct);
        if (members.FirstOrDefault(m => m.Record.IsHead)?.Row.AddresseeNumber == request.Assignment.NewHeadAddresseeNumber?.Trim())
            throw new DomainException("registry.head-change.same", "指定された方は既に世帯主です。", "assignment.newHeadAddresseeNumber");
        HouseholdReshape.Apply(session, members, request.Assignment);
        return new MovementDraft(MovementReasonCode.HeadChange, request.Header.EffectiveOn!.Value, request.Header.NotifiedOn!.Value,
            $"世帯主変更 世帯 {household.HouseholdNumber}") { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
