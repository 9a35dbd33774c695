using Jichitai.Registry.Features.AddressDictionary;
using FluentValidation;
using FluentValidation.Results;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.ForeignResidents;

/// <summary>
/// 法第30条の46転入: a 中長期在留者・特別永住者・一時庇護許可者・仮滞在許可者 arriving from abroad sets an address here.
/// The 異動日 is the day the address was set; the 14-day 届出期間 counts from it. New household or <see cref="JoinHouseholdNumber"/>.
/// </summary>
public sealed record ForeignArrivalRequest : IForeignEntryRequest
{
    public MovementHeader Header { get; init; } = new();
    public AddressInput Address { get; init; } = new();
    public string? JoinHouseholdNumber { get; init; }
    /// <summary>転入前住所 (the place abroad); may be left blank (標準4.5.1).</summary>
    public string? PreviousAddress { get; init; }
    /// <summary>上陸許可の日, when known: the address cannot have been set before it.</summary>
    public DateOnly? LandedOn { get; init; }
    public IReadOnlyList<PersonInput> Members { get; init; } = [];
    public bool DuplicateConfirmed { get; init; }
}

/// <summary>
/// 法第30条の47届出: someone already living here becomes a 中長期在留者等 (e.g. 仮滞在許可, a change from 短期滞在).
/// The 異動日 is the day they became one; <see cref="AddressSetOn"/> is the day they set the address (default: the 異動日).
/// </summary>
public sealed record ForeignRegistrationRequest : IForeignEntryRequest
{
    public MovementHeader Header { get; init; } = new();
    public AddressInput Address { get; init; } = new();
    public string? JoinHouseholdNumber { get; init; }
    public DateOnly? AddressSetOn { get; init; }
    /// <summary>転入前住所; may be left blank (標準4.5.2).</summary>
    public string? PreviousAddress { get; init; }
    public bool PreviousAddressAbroad { get; init; }
    public IReadOnlyList<PersonInput> Members { get; init; } = [];
    public bool DuplicateConfirmed { get; init; }
}

/// <summary>What 法第30条の46転入 and 法第30条の47届出 have in common.</summary>
public interface IForeignEntryRequest
{
    MovementHeader Header { get; }
    AddressInput Address { get; }
    string? JoinHouseholdNumber { get; }
    string? PreviousAddress { get; }
    IReadOnlyList<PersonInput> Members { get; }
}

/// <summary>The rules common to both entries: header, address, the household's one 世帯主, and each member a 外国人住民.</summary>
public abstract class ForeignEntryValidator<T> : AbstractValidator<T> where T : IForeignEntryRequest
{
    protected ForeignEntryValidator(string what)
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.Address).SetValidator(new AddressInputValidator());
        RuleFor(x => x.PreviousAddress).MaximumLength(200).WithMessage("転入前住所は200文字以内で入力してください。");
        RuleFor(x => x.Members).NotEmpty().WithMessage($"{what}をする外国人住民を1人以上入力してください。");
        RuleForEach(x => x.Members).SetValidator(new ForeignPersonValidator(entryByNotification: true));
        RuleFor(x => x.Members).Must(m => m.Count(p => p.Relationship?.Trim() == HouseholdRules.HeadRelationship) == 1)
            .When(x => string.IsNullOrWhiteSpace(x.JoinHouseholdNumber) && x.Members.Count > 0)
            .WithMessage("新しい世帯には世帯主を1人だけ指定してください(続柄「世帯主」)。");
        RuleFor(x => x.Members).Must(m => m.All(p => p.Relationship?.Trim() != HouseholdRules.HeadRelationship))
            .When(x => !string.IsNullOrWhiteSpace(x.JoinHouseholdNumber))
            .WithMessage("既存の世帯に入る方の続柄に「世帯主」は指定できません(世帯主変更で行ってください)。");
        // 在留期間の満了日 before the 異動日: the person could not have been a 中長期在留者 on that day.
        RuleFor(x => x).Custom((x, ctx) =>
        {
            if (x.Header.EffectiveOn is not { } on) return;
            for (var i = 0; i < x.Members.Count; i++)
                if (x.Members[i].Foreign?.StayExpiresOn is { } expires && expires < on)
                    ctx.AddFailure(new ValidationFailure($"Members[{i}].Foreign.StayExpiresOn",
                        $"在留期間の満了日({expires:yyyy-MM-dd})が異動日({on:yyyy-MM-dd})より前です。満了日を確認してください。"));
        });
    }
}

internal static class ForeignEntryRules
{
    /// <summary>Writes the members into a new household or <paramref name="joinHouseholdNumber"/>; returns the household number.</summary>
    public static async Task<string> EnterAsync(MovementSession session, string? joinHouseholdNumber, IReadOnlyList<PersonInput> members,
        Func<ResidentRecord, ResidentRecord> place, DateOnly effectiveOn, CancellationToken ct)
    {
        var household = string.IsNullOrWhiteSpace(joinHouseholdNumber)
            ? await session.NewHouseholdAsync(effectiveOn, ct)
            : await session.GetHouseholdAsync(joinHouseholdNumber, "joinHouseholdNumber", ct);
        var existing = await session.MembersAsync(household.Id, ct);
        if (!string.IsNullOrWhiteSpace(joinHouseholdNumber) && existing.Count == 0)
            throw new DomainException("registry.household.empty", $"世帯 {household.HouseholdNumber} には現在の世帯員がいません。", "joinHouseholdNumber", 409);
        var order = existing.Count == 0 ? 0 : existing.Max(m => m.Record.MemberOrder);
        foreach (var person in members.OrderBy(p => p.Relationship?.Trim() == HouseholdRules.HeadRelationship ? 0 : 1))
            await session.CreateAsync(place(PersonFactory.NewRecord(person, session) with
            {
                HouseholdId = household.Id, HouseholdNumber = household.HouseholdNumber, MemberOrder = ++order,
            }), ct);
        return household.HouseholdNumber;
    }

    /// <summary>Same alphabet (or kanji) name and birth date as someone on file, 除票 included: the clerk must confirm (標準4.1.1.2).</summary>
    public static async Task WarnOnDuplicatesAsync(MovementSession session, IReadOnlyList<PersonInput> members, CancellationToken ct)
    {
        var hits = new List<string>();
        foreach (var p in members)
        {
            var record = PersonFactory.NewRecord(p with { PersonalNumber = null }, session);
            var key = SearchKeys.Name(record);
            var birth = p.BirthDate!.Value;
            var found = await session.Db.Residents.Where(r => r.NameKey == key && r.BirthDate == birth)
                .Select(r => new { r.AddresseeNumber, r.Status }).ToListAsync(ct);
            hits.AddRange(found.Select(f => $"{record.FullName}(宛名番号 {f.AddresseeNumber}、{(f.Status == ResidentStatus.Resident ? "住民" : "除票")})"));
        }
        if (hits.Count > 0)
            throw new DomainException("registry.foreign.duplicate-suspected",
                $"同じ氏名・生年月日の方が登録されています: {string.Join("、", hits)}。別人であることを確認したら「重複を確認済み」にして登録してください。",
                "duplicateConfirmed", 409);
    }
}

public sealed class ForeignArrivalValidator : ForeignEntryValidator<ForeignArrivalRequest>
{
    public ForeignArrivalValidator() : base("法第30条の46転入")
    {
        RuleFor(x => x.LandedOn).Must((x, landed) => landed <= x.Header.EffectiveOn)
            .When(x => x.LandedOn is not null && x.Header.EffectiveOn is not null)
            .WithMessage("住所を定めた日(異動日)が上陸許可の日より前です。異動日または上陸許可の日を確認してください。");
    }
}

public sealed class ForeignRegistrationValidator : ForeignEntryValidator<ForeignRegistrationRequest>
{
    public ForeignRegistrationValidator() : base("法第30条の47届出")
    {
        RuleFor(x => x.AddressSetOn).Must((x, set) => set <= x.Header.EffectiveOn)
            .When(x => x.AddressSetOn is not null && x.Header.EffectiveOn is not null)
            .WithMessage("住所を定めた日は中長期在留者等となった日(異動日)以前の日付です(既に住所を有する方の届出です)。");
    }
}

public static class ForeignEntryHandlers
{
    // 住基法30条の46 / 標準4.5.1: 国外転入に準じた情報, 転入前住所は空欄可.
    public static async Task<MovementDraft> ArrivalAsync(MovementSession session, ForeignArrivalRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new ForeignArrivalValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var notifiedOn = request.Header.NotifiedOn!.Value;
        if (!request.DuplicateConfirmed) await ForeignEntryRules.WarnOnDuplicatesAsync(session, request.Members, ct);
        var address = await session.AddressFromDictionaryAsync(request.Address, effectiveOn, ct);
        var previous = new PriorAddress { Abroad = true, Text = request.PreviousAddress?.Trim() ?? "", Kind = MoveInKind.FromAbroad };
        var household = await ForeignEntryRules.EnterAsync(session, request.JoinHouseholdNumber, request.Members, r => r with
        {
            Address = address, BecameResidentOn = effectiveOn, AddressSetOn = effectiveOn, AddressNotifiedOn = notifiedOn, PreviousAddress = previous,
        }, effectiveOn, ct);
        var landed = request.LandedOn is { } l ? $" 上陸 {l:yyyy-MM-dd}" : "";
        return new MovementDraft(MovementReasonCode.ForeignResidentArrival, effectiveOn, notifiedOn,
            $"法第30条の46転入 {request.Members.Count}人 世帯 {household}{landed}") { Note = request.Header.Note }.WithBasis(request.Header);
    }

    // 住基法30条の47 / 標準4.5.2: 住所を有する者が中長期在留者等となった場合, 国外転入に準じた情報, 転入前住所は空欄可.
    public static async Task<MovementDraft> RegistrationAsync(MovementSession session, ForeignRegistrationRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new ForeignRegistrationValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var notifiedOn = request.Header.NotifiedOn!.Value;
        if (!request.DuplicateConfirmed) await ForeignEntryRules.WarnOnDuplicatesAsync(session, request.Members, ct);
        var address = await session.AddressFromDictionaryAsync(request.Address, effectiveOn, ct);
        var previous = string.IsNullOrWhiteSpace(request.PreviousAddress) ? null
            : new PriorAddress { Abroad = request.PreviousAddressAbroad, Text = request.PreviousAddress.Trim(), Kind = MoveInKind.FromAbroad };
        var household = await ForeignEntryRules.EnterAsync(session, request.JoinHouseholdNumber, request.Members, r => r with
        {
            Address = address, BecameResidentOn = effectiveOn, AddressSetOn = request.AddressSetOn ?? effectiveOn, AddressNotifiedOn = notifiedOn,
            PreviousAddress = previous,
        }, effectiveOn, ct);
        return new MovementDraft(MovementReasonCode.BecameForeignResident, effectiveOn, notifiedOn,
            $"法第30条の47届出 {request.Members.Count}人 世帯 {household}") { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
