using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kepegawaian.Reports.Tests;

/// <summary>A real SMTP server on 127.0.0.1 (SmtpServer 11) that keeps what it receives and can refuse recipients.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }
    public ConcurrentBag<MimeMessage> Received { get; } = [];

    /// <summary>Recipients the server refuses (550) while listed.</summary>
    public ConcurrentDictionary<string, bool> Refuse { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int CountTo(string address) => Received.Count(m => m.To.Mailboxes.Any(x => x.Address.Equals(address, StringComparison.OrdinalIgnoreCase)));

    public void Dispose()
    {
        stop.Cancel();
        try { running.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stop.Dispose();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.Refuse.ContainsKey($"{to.User}@{to.Host}"));
    }
}
