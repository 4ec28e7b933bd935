// GET /.well-known/ory/webauthn.js (x/webauthnx/handler.go): the browser side of the webauthn and passkey
// nodes, written for Gatehouse against the contract of Kratos's script. Each trigger reads the options from
// the node Kratos puts them in (the trigger's value, `passkey_challenge`, `passkey_create_data`), turns the
// base64url fields into bytes, asks the authenticator, writes the answer as JSON with base64url fields into
// the hidden input (`webauthn_login`, `webauthn_register`, `passkey_login`, `passkey_register`,
// `passkey_settings_register`) and submits that input's form. Nodes reference the script with a sha512
// subresource-integrity hash of exactly these bytes.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { scriptNode } from '../../../ui/nodes';
import type { UiScriptNode } from '../../../ui/types';

export const ROUTE_WEBAUTHN_SCRIPT = '/.well-known/ory/webauthn.js';

export const WEBAUTHN_SCRIPT = `/* Gatehouse: WebAuthn and passkey triggers for Ory Kratos UI nodes. */
(function () {
  "use strict";
  if (typeof window === "undefined") return;
  if (!window.PublicKeyCredential) {
    console.log("This browser does not support WebAuthn!");
    return;
  }
  if (window.__oryWebAuthnInitialized) return;

  function toBytes(value) {
    var text = String(value).replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    while (text.length % 4 !== 0) text += "=";
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function toBase64Url(buffer) {
    if (buffer === null || buffer === undefined) return "";
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  }

  function withIds(list) {
    if (!Array.isArray(list)) return list;
    return list.map(function (d) {
      var copy = Object.assign({}, d);
      copy.id = toBytes(d.id);
      return copy;
    });
  }

  /* Request options with the byte fields decoded; the caller's object is left untouched. */
  function requestOptions(publicKey) {
    var out = Object.assign({}, publicKey);
    out.challenge = toBytes(publicKey.challenge);
    if (publicKey.allowCredentials) out.allowCredentials = withIds(publicKey.allowCredentials);
    if (publicKey.user && publicKey.user.id) {
      out.user = Object.assign({}, publicKey.user, { id: toBytes(publicKey.user.id) });
    }
    return out;
  }

  function creationOptions(publicKey) {
    var out = Object.assign({}, publicKey);
    out.challenge = toBytes(publicKey.challenge);
    out.user = Object.assign({}, publicKey.user, { id: toBytes(publicKey.user.id) });
    if (publicKey.excludeCredentials) out.excludeCredentials = withIds(publicKey.excludeCredentials);
    return out;
  }

  function assertionJson(credential) {
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toBase64Url(credential.response.authenticatorData),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        signature: toBase64Url(credential.response.signature),
        userHandle: toBase64Url(credential.response.userHandle),
      },
    });
  }

  function attestationJson(credential) {
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      response: {
        attestationObject: toBase64Url(credential.response.attestationObject),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
      },
    });
  }

  function parse(value) {
    return typeof value === "string" ? JSON.parse(value) : value;
  }

  function byName(name) {
    return document.getElementsByName(name)[0];
  }

  function submitWith(resultEl, value) {
    resultEl.value = value;
    var form = resultEl.closest("form");
    if (form) form.submit();
  }

  function abortConditional(reason) {
    if (window.abortPasskeyConditionalUI) {
      window.abortPasskeyConditionalUI.abort(reason);
      window.abortPasskeyConditionalUI = undefined;
    }
  }

  function webAuthnLogin(options, resultSelector, triggerSelector) {
    var trigger = document.querySelector(triggerSelector || '*[name="webauthn_login_trigger"]');
    var result = document.querySelector(resultSelector || '*[name="webauthn_login"]');
    var opt = parse(options || (trigger && trigger.value));
    return navigator.credentials
      .get({ publicKey: requestOptions(opt.publicKey) })
      .then(function (credential) {
        submitWith(result, assertionJson(credential));
      })
      .catch(function (err) {
        console.error(err);
        alert(err);
      });
  }

  function webAuthnRegistration(options, resultSelector, triggerSelector) {
    var trigger = document.querySelector(triggerSelector || '*[name="webauthn_register_trigger"]');
    var result = document.querySelector(resultSelector || '*[name="webauthn_register"]');
    var opt = parse(options || (trigger && trigger.value));
    return navigator.credentials
      .create({ publicKey: creationOptions(opt.publicKey) })
      .then(function (credential) {
        submitWith(result, attestationJson(credential));
      })
      .catch(function (err) {
        console.error(err);
        alert(err);
      });
  }

  function passkeyLoginAutocompleteInit() {
    var data = byName("passkey_challenge");
    var result = byName("passkey_login");
    var identifier = byName("identifier");
    if (!data || !result || !identifier) {
      console.error("Passkey autocomplete needs the passkey_challenge, passkey_login and identifier fields.");
      return Promise.resolve();
    }
    if (!PublicKeyCredential.isConditionalMediationAvailable || window.Cypress) {
      return Promise.resolve();
    }
    return PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
      if (!available) return;
      var opt = parse(data.value);
      abortConditional("Restarting passkey autocomplete.");
      var controller = new AbortController();
      window.abortPasskeyConditionalUI = controller;
      return navigator.credentials
        .get({ publicKey: requestOptions(opt.publicKey), mediation: "conditional", signal: controller.signal })
        .then(function (credential) {
          submitWith(result, assertionJson(credential));
        })
        .catch(function (err) {
          console.log(err);
        });
    });
  }

  function passkeyLogin() {
    var data = byName("passkey_challenge");
    var result = byName("passkey_login");
    if (!data || !result) {
      console.error("Passkey login needs the passkey_challenge and passkey_login fields.");
      return Promise.resolve();
    }
    var opt = parse(data.value);
    abortConditional("Canceling passkey autocomplete to sign in with the button.");
    return navigator.credentials
      .get({ publicKey: requestOptions(opt.publicKey) })
      .then(function (credential) {
        submitWith(result, assertionJson(credential));
      })
      .catch(function (err) {
        console.error("Passkey sign-in failed:", err);
        return passkeyLoginAutocompleteInit();
      });
  }

  function displayNameFrom(form, createData) {
    var names = Array.isArray(createData.displayNameFieldNames) && createData.displayNameFieldNames.length > 0
      ? createData.displayNameFieldNames
      : [createData.displayNameFieldName];
    for (var i = 0; i < names.length; i++) {
      if (!names[i] || !form) continue;
      var fields = form.querySelectorAll("[name]");
      for (var j = 0; j < fields.length; j++) {
        if (fields[j].getAttribute("name") === names[i] && fields[j].value) return fields[j].value;
      }
    }
    return "";
  }

  function passkeyRegistration() {
    var data = byName("passkey_create_data");
    var result = byName("passkey_register");
    if (!data || !result) {
      console.debug("Passkey registration needs the passkey_create_data and passkey_register fields.");
      return Promise.resolve();
    }
    var createData = parse(data.value);
    var name = displayNameFrom(data.closest("form"), createData);
    var publicKey = creationOptions(createData.credentialOptions.publicKey);
    publicKey.user = Object.assign({}, publicKey.user, { name: name, displayName: name });
    return navigator.credentials
      .create({ publicKey: publicKey })
      .then(function (credential) {
        submitWith(result, attestationJson(credential));
      })
      .catch(function (err) {
        console.error(err);
      });
  }

  function passkeySettingsRegistration() {
    var data = byName("passkey_create_data");
    var result = byName("passkey_settings_register");
    if (!data || !result) {
      console.debug("Passkey settings need the passkey_create_data and passkey_settings_register fields.");
      return Promise.resolve();
    }
    var opt = parse(data.value);
    return navigator.credentials
      .create({ publicKey: creationOptions(opt.publicKey) })
      .then(function (credential) {
        submitWith(result, attestationJson(credential));
      })
      .catch(function (err) {
        console.error(err);
      });
  }

  var api = {
    WebAuthnLogin: webAuthnLogin,
    WebAuthnRegistration: webAuthnRegistration,
    PasskeyLogin: passkeyLogin,
    PasskeyLoginAutocompleteInit: passkeyLoginAutocompleteInit,
    PasskeyRegistration: passkeyRegistration,
    PasskeySettingsRegistration: passkeySettingsRegistration,
  };
  Object.keys(api).forEach(function (name) {
    window["ory" + name] = api[name];
    /* The underscore names Ory Elements v0 calls. */
    window["__ory" + name] = api[name];
  });
  window.__oryWebAuthnInitialized = true;
  window.dispatchEvent(new CustomEvent("oryWebAuthnInitialized"));
})();
`;

const SCRIPT_BYTES = Buffer.from(WEBAUTHN_SCRIPT, 'utf8');

/** The `integrity` attribute of the script node: sha512 of the served bytes. */
export const WEBAUTHN_SCRIPT_INTEGRITY = `sha512-${createHash('sha512').update(SCRIPT_BYTES).digest('base64')}`;

export function webAuthnScriptHandler(c: Context): Response {
  return c.body(SCRIPT_BYTES, 200, { 'Content-Type': 'text/javascript; charset=UTF-8' });
}

/** The `webauthn_script` node (NewWebAuthnScript): group webauthn, also for passkeys. */
export function webAuthnScriptNode(publicBase: URL): UiScriptNode {
  const src = new URL(ROUTE_WEBAUTHN_SCRIPT.replace(/^\//, ''), publicBase).toString();
  return scriptNode('webauthn', 'webauthn_script', src, { integrity: WEBAUTHN_SCRIPT_INTEGRITY });
}
