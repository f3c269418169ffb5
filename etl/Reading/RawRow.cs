using System.Security.Cryptography;
using System.Text;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// A rejected row as the ledger keeps it (issue 10 item 2): at most the first <see cref="PrefixChars"/>
/// characters, plus the row's full length in UTF-8 bytes and its SHA-256, so a 200 MB line costs a few
/// KB in the warehouse and can still be found in its source file.
/// </summary>
internal readonly record struct RawRow(string Prefix, long Length, string Sha256)
{
    public const int PrefixChars = 4096;

    public static RawRow Of(ReadOnlySpan<char> text)
    {
        var builder = new RawRowBuilder();
        builder.Append(text);
        return builder.Build();
    }
}

/// <summary>Builds a <see cref="RawRow"/> from chunks without holding the whole row.</summary>
internal sealed class RawRowBuilder
{
    private readonly StringBuilder prefix = new();
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Encoder encoder = new UTF8Encoding(false).GetEncoder();
    private readonly byte[] bytes = new byte[16 * 1024];
    private long length;

    public long Chars { get; private set; }

    public void Append(ReadOnlySpan<char> chars)
    {
        Chars += chars.Length;
        if (prefix.Length < RawRow.PrefixChars)
            prefix.Append(chars[..Math.Min(chars.Length, RawRow.PrefixChars - prefix.Length)]);
        Encode(chars, flush: false);
    }

    public void Append(char c) => Append([c]);

    public RawRow Build()
    {
        Encode([], flush: true);
        var text = prefix.ToString();
        if (text.Length > 0 && char.IsHighSurrogate(text[^1])) text = text[..^1]; // never half a character
        return new RawRow(text, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private void Encode(ReadOnlySpan<char> chars, bool flush)
    {
        var completed = false;
        while (!completed)
        {
            encoder.Convert(chars, bytes, flush, out var used, out var written, out completed);
            hash.AppendData(bytes.AsSpan(0, written));
            length += written;
            chars = chars[used..];
            if (chars.IsEmpty && !flush) break;
        }
    }
}
