using System.Diagnostics;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Kepegawaian.Etl.Validation;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;

namespace Kepegawaian.Etl.Loading;

/// <summary>
/// Appends validated rows to an entity's staging table (<see cref="EntitySql.StagingTable"/>) through DuckDB's data-chunk
/// C API: numbers, dates, timestamps and codes (ENUM indices) are written straight into the vectors, strings with one
/// native call each from a reused UTF-8 buffer (none when short enough to sit inline). DuckDB.NET's row appender made a
/// native call for most values and a malloc'd copy of every string; it bounded staging at 1 M employees (issue 14 §1):
/// 3.7 M cuti rows 2.9–4.1 s with it, 1.6–2.1 s so (bench/README.md).
/// The vectors are written by their C layout, so the constructor checks every column's type against the schema first.
/// </summary>
internal sealed unsafe class StagingAppender : IDisposable
{
    // duckdb_string_t: a 4-byte length, then up to 12 bytes inline, or a 4-byte prefix and a pointer (duckdb.h).
    private const int InlineBytes = 12;

    private readonly NativeAppender appender;
    private readonly DuckDBDataChunk chunk;
    private readonly ColumnSpec[] columns;
    private readonly string[]?[] codes;
    private readonly IntPtr[] vectors;
    private readonly void*[] data;
    private readonly ulong*[] validity;
    private readonly int capacity = (int)NativeMethods.Helpers.DuckDBVectorSize();
    private byte[] utf8 = new byte[256];
    private int rows;

    public StagingAppender(DuckDBConnection connection, EntitySchema schema)
    {
        columns = [.. schema.Columns];
        codes = [.. columns.Select(c => c.Kind == ColumnKind.Code ? EntitySql.StagedCodes(c).ToArray() : null)];
        var created = NativeMethods.Appender.DuckDBAppenderCreateExt(connection.NativeConnection, "temp", "main", schema.StagingTable, out appender);
        try
        {
            // DuckDB allocates the appender even when it fails: it is destroyed below either way.
            if (created != DuckDBState.Success) throw Failure($"opening an appender on {schema.StagingTable}");
            var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(appender);
            if (count != columns.Length + 1)
                throw new InvalidOperationException($"{schema.StagingTable} has {count} columns; the schema of {schema.Entity} stages {columns.Length + 1}.");
            var types = new DuckDBLogicalType[count];
            try
            {
                for (var k = 0; k < count; k++)
                {
                    types[k] = NativeMethods.Appender.DuckDBAppenderColumnType(appender, (ulong)k);
                    CheckType(k, types[k], schema);
                }
                chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk([.. types.Select(t => t.DangerousGetHandle())], (ulong)count);
                if (chunk.IsInvalid) throw new InvalidOperationException($"DuckDB staging: no data chunk for {schema.StagingTable} (out of memory?).");
            }
            finally
            {
                foreach (var t in types) t?.Dispose();
            }
        }
        catch
        {
            appender.Dispose();
            throw;
        }
        vectors = new IntPtr[columns.Length + 1];
        data = new void*[columns.Length + 1];
        validity = new ulong*[columns.Length + 1];
        Bind();
    }

    /// <summary>Appends a batch's rows in order (the staging table's <c>line_number</c> first, then the schema's columns).</summary>
    public void Append(StageBatch batch)
    {
        var cells = batch.Cells;
        var width = columns.Length;
        for (var i = 0; i < batch.Count; i++)
        {
            ((long*)data[0])[rows] = batch.Lines[i];
            var offset = i * width;
            for (var c = 0; c < width; c++)
            {
                ref var cell = ref cells[offset + c];
                var v = c + 1;
                if (!cell.Present) { SetNull(v); continue; }
                switch (columns[c].Kind)
                {
                    case ColumnKind.Text when cell.Text is { } text: WriteString(v, text); break;
                    case ColumnKind.Text: SetNull(v); break;
                    case ColumnKind.Code: ((byte*)data[v])[rows] = CodeIndex(c, cell.Text); break;
                    case ColumnKind.Date: ((int*)data[v])[rows] = EntitySql.StagedDay(cell.Date); break;
                    case ColumnKind.Timestamp: ((long*)data[v])[rows] = EntitySql.StagedMicroseconds(cell.Timestamp); break;
                    case ColumnKind.Integer: ((long*)data[v])[rows] = cell.Integer; break;
                    case ColumnKind.Decimal: ((double*)data[v])[rows] = cell.Number; break;
                    default: throw new UnreachableException();
                }
            }
            if (++rows == capacity) Flush();
        }
    }

    /// <summary>Appends what is left and closes the appender: the rows are in the table once this returns.</summary>
    public void Close()
    {
        Flush();
        if (NativeMethods.Appender.DuckDBAppenderClose(appender) != DuckDBState.Success) throw Failure("closing the appender");
    }

    public void Dispose()
    {
        chunk.Dispose();
        appender.Dispose();
    }

    private void Flush()
    {
        if (rows == 0) return;
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(chunk, (ulong)rows);
        if (NativeMethods.Appender.DuckDBAppendDataChunk(appender, chunk) != DuckDBState.Success) throw Failure("appending a chunk");
        NativeMethods.DataChunks.DuckDBDataChunkReset(chunk);
        rows = 0;
        Bind();
    }

    // A reset chunk may hand out new buffers: every pointer is fetched again, and validity masks only when a NULL needs one.
    private void Bind()
    {
        for (var v = 0; v < vectors.Length; v++)
        {
            vectors[v] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, v);
            data[v] = NativeMethods.Vectors.DuckDBVectorGetData(vectors[v]);
            validity[v] = null;
        }
    }

    private void SetNull(int v)
    {
        var mask = validity[v];
        if (mask == null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vectors[v]);
            mask = validity[v] = NativeMethods.Vectors.DuckDBVectorGetValidity(vectors[v]);
        }
        mask[rows >> 6] &= ~(1UL << (rows & 63));
        // The slot keeps no stale value of an earlier chunk (a string's pointer in particular).
        switch (columns[v - 1].Kind)
        {
            case ColumnKind.Text: ((Int128*)data[v])[rows] = 0; break;
            case ColumnKind.Code: ((byte*)data[v])[rows] = 0; break;
            case ColumnKind.Date: ((int*)data[v])[rows] = 0; break;
            default: ((long*)data[v])[rows] = 0; break;
        }
    }

    private void WriteString(int v, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > utf8.Length) utf8 = new byte[Math.Max(max, 2 * utf8.Length)];
        var length = Encoding.UTF8.GetBytes(text, utf8);
        if (length <= InlineBytes)
        {
            // An inline string needs no heap: its length and bytes, zero-padded (what duckdb_vector_assign_string_element_len writes).
            var slot = (byte*)data[v] + 16L * rows;
            *(Int128*)slot = 0;
            *(uint*)slot = (uint)length;
            utf8.AsSpan(0, length).CopyTo(new Span<byte>(slot + 4, InlineBytes));
            return;
        }
        // .NET's encoder always yields valid UTF-8 (a lone surrogate becomes U+FFFD), so DuckDB need not check it again.
        fixed (byte* p = utf8) NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(vectors[v], (ulong)rows, p, length);
    }

    private byte CodeIndex(int c, string? text)
    {
        var values = codes[c]!;
        for (var k = 0; k < values.Length; k++)
            if (string.Equals(values[k], text, StringComparison.Ordinal)) return (byte)k;
        // The validator stores the canonical code and the rules only codes of the list: anything else is a bug here.
        throw new InvalidOperationException($"'{text}' is not a code of {columns[c].Name} ({string.Join(", ", values)}).");
    }

    private void CheckType(int k, DuckDBLogicalType type, EntitySchema schema)
    {
        var actual = NativeMethods.LogicalType.DuckDBGetTypeId(type);
        var (expected, column) = k == 0 ? (DuckDBType.BigInt, "line_number") : (Expected(columns[k - 1].Kind), columns[k - 1].Name);
        if (actual != expected)
            throw new InvalidOperationException($"{schema.StagingTable}.{column} is {actual}; staging writes {expected}.");
        if (actual != DuckDBType.Enum) return;
        if (NativeMethods.LogicalType.DuckDBEnumInternalType(type) != DuckDBType.UnsignedTinyInt)
            throw new InvalidOperationException($"{schema.StagingTable}.{column} has more codes than one byte indexes.");
        // A code is written as its index in the code list: the ENUM must list the same codes in the same order, or a code
        // would be staged as another.
        var listed = new string[NativeMethods.LogicalType.DuckDBEnumDictionarySize(type)];
        for (var i = 0; i < listed.Length; i++) listed[i] = NativeMethods.LogicalType.DuckDBEnumDictionaryValue(type, i);
        if (!listed.SequenceEqual(codes[k - 1]!, StringComparer.Ordinal))
            throw new InvalidOperationException($"{schema.StagingTable}.{column} lists ({string.Join(", ", listed)}); staging writes the indices of ({string.Join(", ", codes[k - 1]!)}).");
    }

    private static DuckDBType Expected(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => DuckDBType.Varchar,
        ColumnKind.Code => DuckDBType.Enum,
        ColumnKind.Date => DuckDBType.Date,
        ColumnKind.Timestamp => DuckDBType.Timestamp,
        ColumnKind.Integer => DuckDBType.BigInt,
        ColumnKind.Decimal => DuckDBType.Double,
        _ => throw new UnreachableException(),
    };

    private InvalidOperationException Failure(string what)
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(appender);
        return new InvalidOperationException($"DuckDB staging, {what}: {(error.IsInvalid ? "no detail" : error.Message)}");
    }
}
