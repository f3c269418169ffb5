namespace Kepegawaian.Reports.Options;

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// Configuration section <c>Smtp</c> (spec §6). The password is read only from the environment
/// variable <c>Smtp__Password</c>, never from a file (<see cref="PasswordFromEnvironment"/>).
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public const string PasswordVariable = "Smtp__Password";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string User { get; set; } = "";
    public string From { get; set; } = "";

    /// <summary>Name sent in EHLO; empty = MailKit's default (the machine name, which may need a DNS lookup).</summary>
    public string LocalDomain { get; set; } = "";

    public static string? PasswordFromEnvironment() => Environment.GetEnvironmentVariable(PasswordVariable);
}
