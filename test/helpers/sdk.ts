// The official @ory/client SDK wired to a test server, with every JSON response (success or error)
// validated against Kratos's OpenAPI document before the test sees it.
import { Configuration, CourierApi, FrontendApi, IdentityApi, MetadataApi } from '@ory/client';
import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';
import { expectValidResponse } from './openapi';

export interface Sdk {
  identity: IdentityApi;
  metadata: MetadataApi;
  courier: CourierApi;
  adminMetadata: MetadataApi;
  frontend: FrontendApi;
  http: AxiosInstance;
}

export function validatingAxios(): AxiosInstance {
  const instance = axios.create({ validateStatus: (s) => s >= 200 && s < 300 });
  const check = (res: AxiosResponse): void => {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.includes('json') || res.config.method === undefined) return;
    expectValidResponse(
      res.config.method,
      res.request?.res?.responseUrl ?? axios.getUri(res.config),
      res.status,
      res.data,
    );
  };
  instance.interceptors.response.use(
    (res) => {
      check(res);
      return res;
    },
    (err: unknown) => {
      if (isAxiosError(err) && err.response) check(err.response);
      return Promise.reject(err);
    },
  );
  return instance;
}

export function createSdk(urls: { public: string; admin: string }): Sdk {
  const http = validatingAxios();
  const admin = new Configuration({ basePath: urls.admin.replace(/\/$/, '') });
  const pub = new Configuration({ basePath: urls.public.replace(/\/$/, '') });
  return {
    identity: new IdentityApi(admin, undefined, http),
    courier: new CourierApi(admin, undefined, http),
    adminMetadata: new MetadataApi(admin, undefined, http),
    metadata: new MetadataApi(pub, undefined, http),
    frontend: new FrontendApi(pub, undefined, http),
    http,
  };
}

/** Runs an SDK call expected to fail and returns the error response (status and body). */
export async function expectFailure(
  call: Promise<unknown>,
): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await call;
  } catch (err) {
    if (isAxiosError(err) && err.response) {
      return { status: err.response.status, data: err.response.data as Record<string, unknown> };
    }
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
