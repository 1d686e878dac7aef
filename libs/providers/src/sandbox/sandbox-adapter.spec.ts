import { ProviderKind } from '@bluetick/contracts';
import { genericAdapter } from '../generic/generic-adapter';
import { buildSpecSendResponse } from '../generic/spec-payloads';
import { parseSpecSendRequest } from '../generic/spec-send-request';
import { InvalidChannelConfigError } from '../shared/channel-config';
import { BUTTONS, NOW, jsonResponse, outbound } from '../testing/http';
import { SANDBOX_SEND_URL, sandboxAdapter } from './sandbox-adapter';

describe('sandbox adapter', () => {
  it('shares the generic webhook adapter and response parser (one implementation)', () => {
    expect(sandboxAdapter.kind).toBe(ProviderKind.Sandbox);
    expect(sandboxAdapter.webhook).toBe(genericAdapter.webhook);
    expect(sandboxAdapter.send.parseSendResponse).toBe(genericAdapter.send.parseSendResponse);
  });

  it('addresses spec-format requests to the in-process simulator, never the network', () => {
    const [request] = sandboxAdapter.send.buildSendRequests({ replyRate: 0.5 }, [outbound('r1', '97333302738', { buttons: BUTTONS })]);
    expect(request!.url).toBe(SANDBOX_SEND_URL);
    expect(parseSpecSendRequest(request!.body)).toEqual([{ to: '97333302738', body: 'Your order is ready. Confirm pickup?', buttons: BUTTONS }]);
  });

  it("round-trips with the simulator's response builder", () => {
    const [request] = sandboxAdapter.send.buildSendRequests({}, [outbound('r1', '97333302738'), outbound('r2', '97317000000')]);
    const items = parseSpecSendRequest(request!.body).map((item, i) => ({ to: item.to, at: NOW, messageId: `sbx-${i}` }));
    expect(sandboxAdapter.send.parseSendResponse(request!, jsonResponse(200, buildSpecSendResponse(items)), NOW)).toEqual({
      kind: 'results',
      results: [
        { ref: 'r1', messageId: 'sbx-0' },
        { ref: 'r2', messageId: 'sbx-1' },
      ],
    });
  });

  it('still checks its own config', () => {
    expect(() => sandboxAdapter.send.buildSendRequests({ replyRate: 2 }, [outbound('r1', '97333302738')])).toThrow(
      InvalidChannelConfigError,
    );
  });
});
