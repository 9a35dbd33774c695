using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.ForeignResidents;

/// <summary>
/// 通称の記載 / 通称の削除 on the 外国人住民's 申出 (標準1.1.7). Every 通称 stays in <see cref="ForeignResidentItems.CommonNameHistory"/>
/// with the dates it was recorded and removed; recording a new 通称 over a current one closes the current one first.
/// </summary>
public sealed record CommonNameRequest
{
    /// <summary>異動日: the day the 通称 is recorded or removed (the 申出 is accepted).</summary>
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    /// <summary>記載 or 削除 (also 通称の記載 / 通称の削除).</summary>
    public string? Kind { get; init; }
    public string? CommonName { get; init; }
    public string? CommonNameKana { get; init; }
}

public sealed class CommonNameValidator : AbstractValidator<CommonNameRequest>
{
    public CommonNameValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("外国人住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => CommonNameHandler.ReasonFor(k) is not null).WithMessage("通称の記載または削除を選んでください。");
        RuleFor(x => x.CommonName).NotEmpty().When(x => CommonNameHandler.ReasonFor(x.Kind) == MovementReasonCode.CommonNameEntry)
            .WithMessage("記載する通称を入力してください。");
        RuleFor(x => x.CommonName).MaximumLength(100).WithMessage("通称は100文字以内で入力してください。");
        RuleFor(x => x.CommonNameKana).NotEmpty().When(x => CommonNameHandler.ReasonFor(x.Kind) == MovementReasonCode.CommonNameEntry)
            .WithMessage("通称のフリガナを入力してください(標準1.1.18)。")
            .Must(PersonInputValidator.BeKatakana).WithMessage("通称のフリガナはカタカナで入力してください。");
    }
}

public static class CommonNameHandler
{
    public static MovementReasonCode? ReasonFor(string? kind) => kind?.Trim() switch
    {
        "記載" or "通称の記載" => MovementReasonCode.CommonNameEntry,
        "削除" or "通称の削除" => MovementReasonCode.CommonNameDeletion,
        _ => null,
    };

    // 標準1.1.7 / 住基法施行令30条の26・30条の27: 申出に基づく通称の記載及び削除.
    public static async Task<MovementDraft> HandleAsync(MovementSession session, CommonNameRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new CommonNameValidator(), request);
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var current = ForeignItemRules.RequireForeign(person, "通称");
        var reason = ReasonFor(request.Kind)!.Value;
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var replaced = current.CommonName is not null;
        session.Update(person, person.Record with { Foreign = Apply(current, reason, request.CommonName, request.CommonNameKana, effectiveOn, session.Municipality) });
        var summary = reason == MovementReasonCode.CommonNameDeletion ? "通称の削除"
            : replaced ? "通称の記載(従前の通称は削除し履歴に保存)" : "通称の記載";
        return new MovementDraft(reason, effectiveOn, request.Header.NotifiedOn!.Value, $"{summary} 宛名番号 {person.Row.AddresseeNumber}",
            IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }

    /// <summary>The items after the 記載 or 削除; the history keeps every 通称 ever recorded (the page confirms with this too).</summary>
    public static ForeignResidentItems Apply(ForeignResidentItems current, MovementReasonCode reason, string? name, string? kana, DateOnly on, string? municipality)
    {
        var history = current.CommonNameHistory.ToList();
        if (current.CommonName is { } now)
        {
            var open = history.FindLastIndex(e => e.Name == now && e.RemovedOn is null);
            // Records written before the history existed may lack the entry: it is added so the removal is not lost.
            if (open < 0) history.Add(new CommonNameEntry(now, on, on, null, municipality));
            else history[open] = history[open] with { RemovedOn = on, RemovedBy = municipality };
        }
        if (reason == MovementReasonCode.CommonNameDeletion)
        {
            if (current.CommonName is null)
                throw new DomainException("registry.common-name.none", "通称が記載されていません。削除する通称がありません。", "kind", 409);
            return current with { CommonName = null, CommonNameKana = null, CommonNameHistory = history };
        }
        var given = name!.Trim();
        if (given == current.CommonName)
            throw new DomainException("registry.common-name.same", $"通称「{given}」は既に記載されています。", "commonName", 409);
        history.Add(new CommonNameEntry(given, on, null, municipality));
        return current with { CommonName = given, CommonNameKana = kana!.Trim(), CommonNameHistory = history };
    }
}
