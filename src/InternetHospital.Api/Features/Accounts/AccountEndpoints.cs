using InternetHospital.Api.Common;
using InternetHospital.Application.Accounts;
using InternetHospital.Application.Common;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>Registration, the password step of signing in (behind the OIDC authorize endpoint), and "who am I".</summary>
internal sealed class AccountEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);
        account.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Registration)
            .WithSummary("Register as a patient under your real identity.");
        account.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Check the password and start the browser session that /connect/authorize needs.");
        account.MapPost("/login/two-factor", LoginTwoFactor).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Complete a sign-in with the code from an authenticator app.");
        account.MapPost("/login/mobile-code", SendSignInCode).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Send a sign-in code by SMS (same answer whether or not the number has an account; at most 5 an hour per number and per address).");
        account.MapPost("/login/mobile", LoginWithMobileCode).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Check the SMS code and start the browser session that /connect/authorize needs, as after a password.");
        account.MapPost("/register/mobile-code", SendRegistrationCode).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Registration)
            .WithSummary("Send the code that proves the mobile number given at registration.");
        account.MapGet("/session", Session).AllowAnonymous()
            .WithSummary("Whether this browser has a sign-in session (so the SPA can get tokens again after a reload).");
        account.MapPost("/close", async (CloseAccountRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseAccount(body.Password ?? string.Empty, body.AuthenticatorCode), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Close your account (password required): sign-in ends and your identifiers are removed; the medical record is kept as the law requires.");

        var me = app.MapGroup("/api/me").WithTags("Account").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization();
        me.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMe(), ct)))
            .WithSummary("The signed-in account, its roles and the patients it may act for.");
        me.MapPut("/preferences", async (PreferencesRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new UpdatePreferences(body.Language), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set the language used for e-mails and notifications.");
        me.MapPut("/notification-channels", async (NotificationChannelsRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new UpdateNotificationChannels(body.Email, body.Sms, body.TimeZone), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Choose whether notifications also come by e-mail and by SMS, and the time zone of the SMS quiet hours (22:00-07:00).");
    }

    private static async Task<Results<Accepted<MobileCodeSent>, ProblemHttpResult>> SendSignInCode(MobileCodeRequest body, ISender sender, CancellationToken cancellationToken) =>
        CodeSent(await sender.Send(new SendMobileCode(body.Mobile ?? string.Empty, Domain.Notifications.MobileCodePurpose.SignIn, body.Language), cancellationToken));

    private static async Task<Results<Accepted<MobileCodeSent>, ProblemHttpResult>> SendRegistrationCode(MobileCodeRequest body, ISender sender, CancellationToken cancellationToken) =>
        CodeSent(await sender.Send(new SendMobileCode(body.Mobile ?? string.Empty, Domain.Notifications.MobileCodePurpose.Registration, body.Language), cancellationToken));

    private static Results<Accepted<MobileCodeSent>, ProblemHttpResult> CodeSent(MobileCodeSent sent) =>
        sent.Accepted
            ? TypedResults.Accepted((string?)null, sent)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many codes asked for.",
                detail: "At most 5 codes an hour for one number or from one address.",
                extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = ProblemCodes.RateLimited, ["retryAfter"] = sent.RetryAfterSeconds });

    /// <summary>
    /// The SMS path of signing in: the code names the account, and the cookie session starts exactly as after a password
    /// (an <see cref="AccountSession"/>, amr "sms"), so /connect/authorize issues the same tokens.
    /// </summary>
    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginWithMobileCode(
        MobileLoginRequest body,
        ISender sender,
        UserManager<Account> users,
        SignInManager<Account> signIn,
        CancellationToken cancellationToken)
    {
        var check = await sender.Send(new CheckSignInCode(body.Mobile ?? string.Empty, body.Code ?? string.Empty), cancellationToken);
        if (check.LockedUntil is { } lockedUntil)
        {
            return LockedOut(lockedUntil);
        }

        var account = check.AccountId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (account is null || account.IsDisabled)
        {
            return InvalidSmsCode();
        }

        // Note: an account locked by wrong passwords stays locked whichever factor is tried.
        if (await users.IsLockedOutAsync(account))
        {
            return LockedOut(await users.GetLockoutEndDateAsync(account));
        }

        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: "sms");
        return TypedResults.Ok(new LoginResponse(LoginStatus.SignedIn));
    }

    private static ProblemHttpResult InvalidSmsCode() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The code is not valid.",
        extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "invalid_sms_code" });

    private static async Task<Created<RegisteredPatient>> Register(RegisterRequest body, ISender sender, CancellationToken cancellationToken)
    {
        var registered = await sender.Send(
            new RegisterPatient(body.FullName, body.IdType, body.IdNumber, body.DateOfBirth, body.Sex, body.Mobile, body.Email, body.Password, body.PreferredLanguage, body.MobileCode),
            cancellationToken);
        return TypedResults.Created("/api/me", registered);
    }

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest body,
        UserManager<Account> users,
        SignInManager<Account> signIn,
        UnknownAccountLockout unknownLockout,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            var errors = new List<(string, string)>();
            if (string.IsNullOrWhiteSpace(body.Email))
            {
                errors.Add(("email", "email_required"));
            }

            if (string.IsNullOrEmpty(body.Password))
            {
                errors.Add(("password", "password_required"));
            }

            return ValidationErrors.Problem([.. errors]);
        }

        var account = await users.FindByEmailAsync(body.Email.Trim());
        if (account is null || account.IsDisabled)
        {
            // Note: an unknown (or disabled) address is locked out after the same five failures, for the same time,
            // with the same answer as an account, so the lockout does not tell which addresses are registered.
            var normalized = users.NormalizeEmail(body.Email.Trim()) ?? string.Empty;
            if (await unknownLockout.LockedUntilAsync(normalized, cancellationToken) is { } lockedUntil)
            {
                return LockedOut(lockedUntil);
            }

            // Note: hash anyway, so an unknown address takes as long as a wrong password (domain rule 20).
            users.PasswordHasher.VerifyHashedPassword(new Account(), DummyHash.Value, body.Password);
            return await unknownLockout.FailedAsync(normalized, cancellationToken) is { } lockoutEnd ? LockedOut(lockoutEnd) : InvalidCredentials();
        }

        var result = await signIn.PasswordSignInAsync(account, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new LoginResponse(LoginStatus.SignedIn));
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.Ok(new LoginResponse(LoginStatus.TwoFactorRequired));
        }

        if (result.IsLockedOut)
        {
            return LockedOut(await users.GetLockoutEndDateAsync(account));
        }

        return InvalidCredentials();
    }

    private static ProblemHttpResult LockedOut(DateTimeOffset? lockoutEnd) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "The account is locked.",
        detail: "Too many failed sign-in attempts. Try again in 15 minutes.",
        extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "locked_out", ["lockoutEnd"] = lockoutEnd });

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginTwoFactor(TwoFactorLoginRequest body, SignInManager<Account> signIn)
    {
        var code = (body.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new LoginResponse(LoginStatus.SignedIn));
        }

        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "The account is locked.",
                detail: "Too many failed sign-in attempts. Try again in 15 minutes.",
                extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "locked_out" });
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "The code is not valid.",
            extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "invalid_code" });
    }

    private static async Task<Ok<SessionResponse>> Session(HttpContext context, AccountSessions sessions, CancellationToken cancellationToken)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var live = session.Succeeded
            && SessionSignInManager.SessionId(session.Principal) is { } id
            && await sessions.FindAsync(id, cancellationToken) is { } signIn
            && sessions.IsLive(signIn);
        return TypedResults.Ok(new SessionResponse(live));
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The e-mail address or password is not correct.",
        extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "invalid_credentials" });

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString());
    }
}

internal sealed record RegisterRequest(
    string FullName,
    IdDocumentType IdType,
    string IdNumber,
    DateOnly DateOfBirth,
    Sex Sex,
    string Mobile,
    string Email,
    string Password,
    string? PreferredLanguage,
    string? MobileCode = null);

internal sealed record LoginRequest(string? Email, string? Password);

internal sealed record TwoFactorLoginRequest(string? Code);

internal sealed record MobileCodeRequest(string? Mobile, string? Language);

internal sealed record MobileLoginRequest(string? Mobile, string? Code);

internal sealed record NotificationChannelsRequest(bool Email, bool Sms, string? TimeZone);

/// <summary>The next step of a sign-in: <c>signedIn</c> (go back to /connect/authorize) or <c>twoFactorRequired</c>.</summary>
internal static class LoginStatus
{
    public const string SignedIn = "signedIn";
    public const string TwoFactorRequired = "twoFactorRequired";
}

internal sealed record LoginResponse(string Status);

internal sealed record SessionResponse(bool Authenticated);

internal sealed record PreferencesRequest(string Language);

internal sealed record CloseAccountRequest(string? Password, string? AuthenticatorCode);
