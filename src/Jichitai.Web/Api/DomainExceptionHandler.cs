using Jichitai.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Web.Api;

/// <summary>Turns a rule violation into RFC 9457 problem details whose Japanese message names the field.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException e) return false;
        http.Response.StatusCode = e.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = e, ProblemDetails = ToProblem(e) });
    }

    public static ProblemDetails ToProblem(DomainException e)
    {
        var problem = new ProblemDetails
        {
            Status = e.Status,
            Title = e.Status switch { 404 => "見つかりません", 403 => "権限がありません", 409 => "競合しています", _ => "入力内容に誤りがあります" },
            Detail = e.Message,
            Type = $"https://jichitai.example/problems/{e.Code}",
        };
        problem.Extensions["code"] = e.Code;
        if (e is DomainValidationException v) problem.Extensions["errors"] = v.Errors;
        else if (e.Field is not null) problem.Extensions["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        return problem;
    }
}

/// <summary>Validation failures found by an endpoint before calling a service.</summary>
public static class ApiErrors
{
    public static DomainException Required(string field, string label) => new("request.required", $"{label}を入力してください。", field);
    public static DomainException Invalid(string field, string message) => new("request.invalid", message, field);
}
