using Kepegawaian.Reports.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kepegawaian.Reports.Delivery;

/// <summary>Sends one message over SMTP (MailKit). The password comes only from <c>Smtp__Password</c>.</summary>
public interface IReportMailer
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpReportMailer(IOptions<SmtpOptions> options) : IReportMailer
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 60_000 };
        if (!string.IsNullOrEmpty(o.LocalDomain)) client.LocalDomain = o.LocalDomain;
        var security = o.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(o.Host, o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.User))
            await client.AuthenticateAsync(o.User, SmtpOptions.PasswordFromEnvironment() ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
