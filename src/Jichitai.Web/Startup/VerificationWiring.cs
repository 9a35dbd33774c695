using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Jichitai.Web.Startup;

/// <summary>The public authenticity check (/verify, /api/v1/verify) is anonymous, so it is rate-limited per client address.</summary>
public static class VerificationWiring
{
    public const string RateLimitPolicy = "verify";

    public static void AddPublicVerification(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<JichitaiWebOptions>>().Value.VerifyPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "照会が多すぎます",
                    Detail = "短い時間に照会が集中しました。1分ほど待ってから、もう一度お試しください。",
                    Type = "https://jichitai.example/problems/verify.rate_limited",
                };
                problem.Extensions["code"] = "verify.rate_limited";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
    }
}
