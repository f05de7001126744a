// The benchmark's peer: the smallest Slack app on Bolt for JavaScript in Socket Mode.
// It acks every envelope (Bolt does so before listeners run) and replies in thread to app_mention.
// `dotnet run -c Release --project Sandbox -- bench` starts it against the Sandbox's loopback workspace.
const { App, LogLevel } = require('@slack/bolt');

const apiUrl = process.env.SLACK_API_URL; // e.g. http://127.0.0.1:PORT/api/
if (!apiUrl || !process.env.SLACK_APP_TOKEN || !process.env.SLACK_BOT_TOKEN) {
  console.error('SLACK_API_URL, SLACK_APP_TOKEN and SLACK_BOT_TOKEN are required');
  process.exit(1);
}

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  socketMode: true,
  logLevel: LogLevel.WARN,
  // Used by the Web API client and, through installerOptions, by the SocketModeClient's apps.connections.open.
  clientOptions: { slackApiUrl: apiUrl },
});

app.event('app_mention', async ({ event, say }) => {
  await say({ text: `Hi <@${event.user}>`, thread_ts: event.thread_ts ?? event.ts });
});

(async () => {
  await app.start();
  console.log('BOLT-READY');
})();

process.on('SIGTERM', async () => {
  await app.stop();
  process.exit(0);
});
