using Jichitai.Web.Startup;

// Content (appsettings, wwwroot) comes from the build output; the working directory is the user's, for data/.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddJichitaiPlatform();      // database location, tenancy, identity stores, settings, audit
builder.AddStaffAuthentication();   // cookie sign-in with mandatory TOTP, session timeout
builder.AddStaffAuthorization();    // per-endpoint policies, fail closed
builder.AddStaffUi();               // Razor Pages in Japanese
builder.AddJsonApi();               // /api/v1, OpenAPI, problem details
builder.AddOperations();            // health checks, start-up migration with retry, audit checkpoints
builder.AddPublicVerification();    // 真正性確認: anonymous, rate-limited

var app = builder.Build();

app.UseJichitaiPipeline();
app.MapStaffUi();
app.MapJsonApi();
app.MapOperations();

app.Run();

public partial class Program;
