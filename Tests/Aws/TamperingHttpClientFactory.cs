using Amazon.Runtime;

namespace SocketDeployer.Tests.Aws;

/// <summary>Lets a test change an SDK request after the SDK signed it, to see how the Sandbox's verifier answers.</summary>
internal sealed class TamperingHttpClientFactory(Action<HttpRequestMessage> tamper) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Tampering(tamper) { InnerHandler = new SocketsHttpHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "tampering";

    private sealed class Tampering(Action<HttpRequestMessage> tamper) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
                await request.Content.LoadIntoBufferAsync(cancellationToken);
            tamper(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
