namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>What a recognised library call does, and so how its arguments are read.</summary>
internal enum ApiKind
{
    /// <summary>Deletes the paths given (a list or several arguments are several targets).</summary>
    DeleteFile,
    /// <summary>Deletes whole directory trees.</summary>
    DeleteTree,
    /// <summary>Deletes a tree only when its options say <c>recursive: true</c> (Node <c>fs.rm</c>, <c>Deno.remove</c>).</summary>
    DeleteMaybeTree,
    /// <summary>Empties a file in place.</summary>
    Truncate,
    /// <summary>Moves or renames the path at <see cref="ApiSpec.ArgIndex"/> away from where it was.</summary>
    Move,
    /// <summary>Changes permissions or ownership (<c>chmod</c>, <c>chown</c>) of the paths given.</summary>
    Permissions,
    /// <summary>A command line as a string, or an argument vector as a list.</summary>
    ShellCommand,
    /// <summary>Arguments from <see cref="ApiSpec.ArgIndex"/> on are the argument vector; a single string is a command line.</summary>
    ShellArgv,
    /// <summary>The program at <see cref="ApiSpec.ArgIndex"/>, its arguments as a list at <see cref="ApiSpec.ListIndex"/>.</summary>
    ShellProgramArgs,
    /// <summary>An argument vector (program included) as the list at <see cref="ApiSpec.ArgIndex"/>.</summary>
    ShellArgvList,
    /// <summary>Like <see cref="ShellArgv"/>, but the program is fixed (shelljs <c>rm('-rf', p)</c>).</summary>
    ShellBuiltin,
    Sql,
    /// <summary>An HTTP call whose method is fixed by the function name.</summary>
    HttpFixed,
    /// <summary>An HTTP call whose method is the argument at <see cref="ApiSpec.ArgIndex"/>, the URL the next one.</summary>
    HttpMethodArgument,
    /// <summary><c>fetch(url, { method, headers, body })</c>.</summary>
    HttpFetch,
    /// <summary><c>axios({ method, url, data })</c>.</summary>
    HttpConfig,
    /// <summary><c>urllib.request.Request(url, data=…, headers=…, method=…)</c>.</summary>
    HttpUrllibRequest,
    Kill,
    /// <summary>Runs a string as code: literal code is scanned in turn, anything else is opaque.</summary>
    Eval,
    /// <summary>Loads a module by a name that may be computed.</summary>
    DynamicImport,
    /// <summary>Deserialises or loads code whose content cannot be seen.</summary>
    OpaqueCode,
    ReadFile,
    WriteFile,
    /// <summary><c>open(path, mode)</c>: a read or a write depending on the mode; in Perl, possibly a pipe.</summary>
    OpenFile,
    /// <summary>PHP <c>curl_init(url)</c>.</summary>
    CurlInit,
    /// <summary>PHP <c>curl_setopt($ch, OPTION, value)</c>.</summary>
    CurlSetopt,
    /// <summary>Calls a function named by a string: PHP <c>call_user_func('system', …)</c>, <c>array_map('unlink', …)</c>.</summary>
    CallableDispatch,
    /// <summary>Python <c>getattr(module, 'name')</c>.</summary>
    GetAttr,
}

/// <summary>How one API is read.</summary>
/// <param name="Kind">What the call does.</param>
/// <param name="ArgIndex">The main argument (path, command, URL, code); -1 for "the last argument".</param>
/// <param name="ListIndex">For programs with an argument list, where the list is.</param>
/// <param name="Method">The HTTP method, or the program name for <see cref="ApiKind.ShellBuiltin"/>, or the key holding the argument list.</param>
/// <param name="DataIndex">Where an HTTP body sits positionally, -1 when only keyword options carry it.</param>
/// <param name="TargetKind">The resource kind a deletion targets.</param>
/// <param name="FromReceiver">The path is the argument of the object constructor before it (<c>Path('/x').unlink()</c>).</param>
/// <param name="SinglePath">Only the argument at <paramref name="ArgIndex"/> is a path, even in languages whose file functions take lists.</param>
internal sealed record ApiSpec(
    ApiKind Kind,
    int ArgIndex = 0,
    int ListIndex = -1,
    string? Method = null,
    int DataIndex = -1,
    string TargetKind = "file",
    bool FromReceiver = false,
    bool SinglePath = false);
