using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// S3's REST protocol and S3-compatible stores (R2, Spaces, GCS XML API…): the bucket is the first host label
/// (virtual-hosted style) or the first path segment (path style); deleting a bucket is critical, deleting
/// objects is high, and <c>POST ?delete</c> is the multi-object delete.
/// </summary>
internal static class S3RequestClassifier
{
    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var host = context.Url.Host;
        if (!TryVirtualHosted(host, out var virtualHosted))
        {
            return null;
        }

        var segments = context.Url.Segments;
        string? bucket;
        string? key;
        if (virtualHosted)
        {
            bucket = host[..host.IndexOf('.', StringComparison.Ordinal)];
            key = segments.Count > 0 ? string.Join('/', segments) : null;
        }
        else
        {
            bucket = segments.Count > 0 ? segments[0] : null;
            key = segments.Count > 1 ? string.Join('/', segments, 1, segments.Count - 1) : null;
        }

        var method = context.Method;
        if (method == "POST" && context.Url.HasQueryKey("delete"))
        {
            return context.Action(Verb.Delete, Risk.High, "bucket-objects", bucket, "http.s3.delete-objects",
                $"Deletes many objects from bucket '{bucket}' in one request.", [Tags.AllResources]);
        }

        if (method == "DELETE")
        {
            if (bucket is null)
            {
                return null;
            }

            if (key is null)
            {
                return context.Url.Query.Count == 0
                    ? context.Action(Verb.Delete, Risk.Critical, "bucket", bucket, "http.s3.delete-bucket", $"Deletes bucket '{bucket}'.")
                    : context.Action(Verb.Delete, Risk.High, "bucket-configuration", bucket, "http.s3.delete-bucket-configuration",
                        $"Deletes a configuration ({context.Url.Query[0].Key}) of bucket '{bucket}'.");
            }

            var tags = context.Url.HasQueryKey("versionId") ? new[] { Tags.Force } : [];
            return context.Action(Verb.Delete, Risk.High, "object", bucket + "/" + key, "http.s3.delete-object", $"Deletes object '{key}' from bucket '{bucket}'.", tags);
        }

        if (context.IsSafeMethod)
        {
            return key is null
                ? context.Action(Verb.List, Risk.None, "bucket", bucket, "http.s3.list", "Lists or inspects a bucket.")
                : context.Action(Verb.Read, Risk.None, "object", bucket + "/" + key, "http.s3.get-object", "Reads an object.");
        }

        if (method == "PUT")
        {
            return key is null
                ? context.Action(Verb.Create, Risk.Medium, "bucket", bucket, "http.s3.put-bucket", $"Creates or configures bucket '{bucket}'.")
                : context.Action(Verb.Update, Risk.Medium, "object", bucket + "/" + key, "http.s3.put-object", $"Writes object '{key}' (overwriting any existing one).");
        }

        return null;
    }

    /// <summary>True for S3 and S3-compatible hosts; <paramref name="virtualHosted"/> tells whether the bucket is the first host label.</summary>
    private static bool TryVirtualHosted(string host, out bool virtualHosted)
    {
        virtualHosted = false;
        if (AwsRequestClassifier.IsAwsHost(host))
        {
            // Only S3 endpoints on AWS: s3.amazonaws.com, s3.<region>…, s3-<region>…, <bucket>.s3….
            if (host.StartsWith("s3.", StringComparison.Ordinal) || host.StartsWith("s3-", StringComparison.Ordinal))
            {
                return true;
            }

            virtualHosted = host.Contains(".s3.", StringComparison.Ordinal) || host.Contains(".s3-", StringComparison.Ordinal);
            return virtualHosted;
        }

        foreach (var suffix in HttpProviderCatalog.Instance.S3HostSuffixes)
        {
            if (!suffix.Contains("amazonaws", StringComparison.Ordinal) && (host.EndsWith("." + suffix, StringComparison.Ordinal) || host == suffix))
            {
                // GCS needs no label before its suffix; the others put a region or account id there, then the bucket before it.
                var labels = host.Length == suffix.Length ? 0 : host[..(host.Length - suffix.Length - 1)].Split('.').Length;
                var labelsBeforeBucket = suffix.StartsWith("storage.", StringComparison.Ordinal) ? 0 : 1;
                virtualHosted = labels > labelsBeforeBucket;
                return true;
            }
        }

        return false;
    }
}
