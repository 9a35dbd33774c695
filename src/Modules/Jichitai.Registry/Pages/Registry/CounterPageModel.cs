using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// The flow every counter page shares (standard 2.3.1, 4.0.9, 4.1.0.3): 入力 → 入力内容を確認 (every rule checked, the entry
/// shown read-only for the clerk to read back) → 登録する → 受理通知. A page supplies its fields, how they become a request
/// (<see cref="BuildEntry"/>), what it shows beside the entry (<see cref="LoadAsync"/>) and checks that need it.
/// </summary>
public abstract class CounterPageModel(RegistryMovements movements) : PageModel
{
    public const string DefaultReadBack = "入力内容を届出人に読み上げて確認してください。誤りがなければ「登録する」を押します。";

    /// <summary>One per entry: a 登録 pressed twice (or resent by the browser) registers once.</summary>
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    public FormErrors Errors { get; } = new();
    /// <summary>The read-back screen: every input is read-only and 登録する is offered.</summary>
    public bool Confirming { get; protected set; }
    /// <summary>Set once registered (or stored as 仮登録): the page shows the 受理通知.</summary>
    public MovementResult? Result { get; protected set; }
    /// <summary>The banner of the read-back screen.</summary>
    public virtual string ReadBackMessage => DefaultReadBack;

    protected RegistryMovements Movements => movements;

    /// <summary>A new entry: a fresh idempotency key; returns today (the usual 届出日) as the form shows it.</summary>
    protected string StartEntry()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return movements.Today.ToString("yyyy-MM-dd");
    }

    /// <summary>The request typed so far and how the handler will validate it; parse errors go into <see cref="Errors"/>.</summary>
    protected abstract CounterEntry BuildEntry();

    /// <summary>What the page shows beside the entry (household members, the current record); skipped once registered.</summary>
    protected virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Checks before the read-back that need what <see cref="LoadAsync"/> found; add errors to refuse the read-back.</summary>
    protected virtual Task CheckBeforeReadBackAsync(object request, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A refusal at 登録; returns whether the page stays on the read-back (e.g. a warning to confirm).</summary>
    protected virtual bool StaysOnReadBack(DomainException refusal) => false;

    /// <summary>表示 (世帯員・現在の記載): shows what the entry refers to without checking the entry.</summary>
    public virtual async Task<IActionResult> OnPostLoadAsync(CancellationToken ct) { await LoadIfOpenAsync(ct); return Page(); }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct) { await LoadIfOpenAsync(ct); return Page(); }

    /// <summary>入力内容の確認: validates everything at once (even when a date did not parse) and writes nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var entry = BuildEntry();
        try { entry.Validate(); }
        catch (DomainException e) { Errors.Add(e); }
        await LoadIfOpenAsync(ct);
        if (!Errors.Any) await CheckBeforeReadBackAsync(entry.Request, ct);
        Confirming = !Errors.Any;
        return Page();
    }

    /// <summary>登録する: the movement runs in full through <see cref="RegistryMovements.SubmitAsync{T}"/> (or becomes 仮登録).</summary>
    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        var entry = BuildEntry();
        if (!Errors.Any)
        {
            try { Result = await movements.SubmitAsync(entry.Request, IdempotencyKey, HttpContext.Actor(), ct); }
            catch (DomainException e)
            {
                Errors.Add(e);
                Confirming = StaysOnReadBack(e);
            }
        }
        await LoadIfOpenAsync(ct);
        return Page();
    }

    /// <summary>異動日・届出日・備考 as typed, parsed with 和暦 (errors named after <paramref name="effectiveLabel"/>).</summary>
    protected MovementHeader Header(string? effectiveOn, string? notifiedOn, string? note, string effectiveLabel = "異動日") => new()
    {
        EffectiveOn = Errors.Date(effectiveOn, "header.effectiveOn", effectiveLabel),
        NotifiedOn = Errors.Date(notifiedOn, "header.notifiedOn", "届出日"),
        Note = note,
    };

    private Task LoadIfOpenAsync(CancellationToken ct) => Result is null ? LoadAsync(ct) : Task.CompletedTask;
}

/// <summary>A request built from a counter form, with the validation its handler applies.</summary>
public sealed record CounterEntry(object Request, Action Validate)
{
    public static CounterEntry Of<T>(T request, IValidator<T> validator) where T : class =>
        new(request, () => InputValidation.Ensure(validator, request));
}

/// <summary>The printable 受理通知 of a counter page (partial _Receipt; standard 4.1.0.3).</summary>
/// <param name="Done">What was registered, as in 「{Done}を登録しました」.</param>
public sealed record ReceiptModel(MovementResult Result, string Title, string Done, string ContinueHref, string ContinueLabel)
{
    /// <summary>Shown when the 届出 came after the period, e.g. 「届出期間(14日)を経過した届出です(住基法23条)。」.</summary>
    public string? LateMessage { get; init; }
    public string EffectiveLabel { get; init; } = "異動日";
    public bool ShowDates { get; init; } = true;
    public bool ShowHouseholds { get; init; }
    /// <summary>Rows of the page's own, shown after the dates.</summary>
    public IReadOnlyList<ReceiptRow> Rows { get; init; } = [];
}

public sealed record ReceiptRow(string Label, string? Value, string? TestId = null);
