using FluentValidation;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Birth;

/// <summary>出生 (職権記載 on the 出生届 received under 戸籍法49条; standard 4.2.1.2): the child joins a household here.</summary>
public sealed record BirthRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? HouseholdNumber { get; init; }
    public PersonInput Child { get; init; } = new();
}

public sealed class BirthValidator : AbstractValidator<BirthRequest>
{
    public BirthValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.HouseholdNumber).NotEmpty().WithMessage("出生子が入る世帯の世帯番号を入力してください。");
        RuleFor(x => x.Child).SetValidator(new PersonInputValidator());
        RuleFor(x => x.Child.Relationship).NotEqual(HouseholdRules.HeadRelationship).WithMessage("出生子の続柄に「世帯主」は指定できません。");
        RuleFor(x => x).Must(x => x.Child.BirthDate == x.Header.EffectiveOn).When(x => x.Child.BirthDate is not null && x.Header.EffectiveOn is not null)
            .WithName("header.effectiveOn").WithMessage("出生の異動日は生年月日と同じ日です。");
    }
}

public static class BirthHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, BirthRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new BirthValidator(), request);
        var household = await session.GetHouseholdAsync(request.HouseholdNumber, "householdNumber", ct);
        var members = await session.MembersAsync(household.Id, ct);
        var head = members.FirstOrDefault(m => m.Record.IsHead)
            ?? throw new Platform.Errors.DomainException("registry.household.empty", $"世帯 {household.HouseholdNumber} には現在の世帯員がいません。", "householdNumber", 409);
        var born = request.Child.BirthDate!.Value;
        await session.CreateAsync(PersonFactory.NewRecord(request.Child, session) with
        {
            HouseholdId = household.Id,
            HouseholdNumber = household.HouseholdNumber,
            MemberOrder = members.Max(m => m.Record.MemberOrder) + 1,
            Address = head.Record.Address,
            BecameResidentOn = born,
            AddressSetOn = born,
            AddressNotifiedOn = request.Header.NotifiedOn!.Value,
        }, ct);
        return new MovementDraft(MovementReasonCode.Birth, born, request.Header.NotifiedOn!.Value,
            $"出生 世帯 {household.HouseholdNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
