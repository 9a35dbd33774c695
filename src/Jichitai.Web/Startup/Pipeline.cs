using Jichitai.Web.Security;

namespace Jichitai.Web.Startup;

public static class Pipeline
{
    public static void UseJichitaiPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (http, next) =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            // frame-src blob: lets the 証明書交付 screen show the issued PDF from memory for printing (it is never stored on the server).
            if (!http.Request.Path.StartsWithSegments("/api/docs"))
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self' blob:; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TenantScopeMiddleware>();
        app.UseAuthorization();
    }
}
