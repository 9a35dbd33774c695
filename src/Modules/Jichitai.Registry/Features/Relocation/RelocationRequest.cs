using Jichitai.Registry.Features.AddressDictionary;
using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.Relocation;

/// <summary>
/// 転居届 (住基法23条; standard 4.1.2): members of a household move to another address within the municipality.
/// The whole household moves, or the listed members move and form a new household (with its head and 続柄).
/// </summary>
public sealed record RelocationRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? HouseholdNumber { get; init; }
    /// <summary>Empty: the whole household moves.</summary>
    public IReadOnlyList<string> AddresseeNumbers { get; init; } = [];
    public AddressInput Address { get; init; } = new();
    /// <summary>When only some members move: their new household's head and 続柄.</summary>
    public HeadAssignment MovingHousehold { get; init; } = new();
    /// <summary>When the head moves away alone: the remaining household's new head and 続柄.</summary>
    public HeadAssignment RemainingHousehold { get; init; } = new();
}

public sealed class RelocationValidator : AbstractValidator<RelocationRequest>
{
    public RelocationValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.HouseholdNumber).NotEmpty().WithMessage("転居する世帯の世帯番号を入力してください。");
        RuleFor(x => x.Address).SetValidator(new AddressInputValidator());
    }
}

public static class RelocationHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, RelocationRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new RelocationValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var household = await session.GetHouseholdAsync(request.HouseholdNumber, "householdNumber", ct);
        var members = await session.MembersAsync(household.Id, ct);
        var address = await session.AddressFromDictionaryAsync(request.Address, effectiveOn, ct);
        if (members.Count > 0 && members[0].Record.Address with { AddressCode = address.AddressCode } == address) // a code added by the 住所辞書 does not make it another address
            throw new DomainException("registry.relocation.same-address", "転居先の住所が現在の住所と同じです(同一住所への転居は扱いません。標準仕様書 4.1.2.1)。", "address.town");
        var moving = Subset(members, request.AddresseeNumbers);
        Func<Residents.ResidentRecord, Residents.ResidentRecord> move = r => r with
        {
            Address = address, AddressSetOn = effectiveOn, AddressNotifiedOn = request.Header.NotifiedOn!.Value,
        };
        if (moving.Count == members.Count)
        {
            foreach (var m in moving) session.Update(m, move(m.Record));
        }
        else
        {
            var newHousehold = await session.NewHouseholdAsync(effectiveOn, ct);
            HouseholdReshape.Apply(session, moving, request.MovingHousehold, r => move(r) with { HouseholdId = newHousehold.Id, HouseholdNumber = newHousehold.HouseholdNumber });
            HouseholdReshape.Apply(session, members.Except(moving).ToList(), request.RemainingHousehold);
        }
        return new MovementDraft(MovementReasonCode.Relocation, effectiveOn, request.Header.NotifiedOn!.Value,
            $"転居 {moving.Count}人 世帯 {household.HouseholdNumber}") { Note = request.Header.Note }.WithBasis(request.Header);
    }

    internal static IReadOnlyList<TrackedResident> Subset(IReadOnlyList<TrackedResident> members, IReadOnlyList<string> numbers)
    {
        if (numbers.Count == 0) return members;
        foreach (var n in numbers)
            if (members.All(m => m.Row.AddresseeNumber != n.Trim()))
                throw new DomainException("registry.household.not-member", $"宛名番号 {n} はこの世帯の現在の世帯員ではありません。", "addresseeNumbers");
        return members.Where(m => numbers.Any(n => n.Trim() == m.Row.AddresseeNumber)).ToList();
    }
}
