// The report page's script: sends the form as JSON, proves work when the server asks (428), then
// shrinks and uploads up to five photos before opening the tracking page. Without it the form
// still works as a plain POST (text only).
const form = document.getElementById('report');
const input = document.getElementById('photo-input');
const note = document.getElementById('photo-note');
const box = document.getElementById('form-alert');
const send = document.getElementById('send');
const MAX_PHOTOS = 5;
const EDGE = 1600; // longest side after shrinking, in pixels
const SMALL = 900 * 1024; // files up to this size travel as they are

document.getElementById('photos').hidden = false;
performance.mark('report:ready'); // for the first-load benchmark
input.addEventListener('change', () => {
  const n = input.files.length;
  note.textContent = n > MAX_PHOTOS ? `Only the first ${MAX_PHOTOS} photos will be sent.`
    : n ? `${n} photo${n > 1 ? 's' : ''} chosen.` : '';
});

// The hostel's known problems (active incidents) above the description, refilled on each choice.
const hostel = document.querySelector('select#hostel');
const known = document.getElementById('incidents');
if (hostel && known) {
  hostel.addEventListener('change', () => showIncidents(hostel.value));
}

async function showIncidents(slug) {
  known.hidden = true;
  known.replaceChildren();
  if (!slug) return;
  try {
    const r = await fetch(`/api/v1/public/incidents?hostel=${encodeURIComponent(slug)}`);
    if (!r.ok || hostel.value !== slug) return;
    const { items } = await r.json();
    if (!items.length) return;
    const intro = document.createElement('p');
    intro.textContent = 'Known problems here. If your report is about one of these, you do not'
      + ' need to report it again.';
    const list = document.createElement('ul');
    for (const i of items) {
      const li = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = i.title;
      const eta = i.eta ? ` Expected to be fixed by ${i.eta.slice(0, 16).replace('T', ' ')} UTC.` : '';
      li.append(title, `: ${i.message}${eta}`);
      list.append(li);
    }
    known.append(intro, list);
    known.hidden = false;
  } catch {
    // Only a hint: the form works without it.
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  send.disabled = true;
  try {
    await submit();
  } catch (e) {
    show('The report could not be sent. Check your connection and try again.', []);
  } finally {
    send.disabled = false;
  }
});

async function submit() {
  const body = Object.fromEntries(new FormData(form));
  let answer = await post(body);
  if (answer.status === 428) {
    show('Checking your device, one moment…', []);
    body.proof = prove(body.stamp, Number(form.dataset.proofBits));
    answer = await post(body);
  }
  const result = await answer.json();
  if (!answer.ok) {
    show(result.detail || 'The report could not be sent.', result.errors || []);
    return;
  }
  const token = new URL(result.tracking_url).pathname.split('/').pop();
  const files = [...input.files].slice(0, MAX_PHOTOS);
  for (const [i, file] of files.entries()) {
    show(`Report ${result.reference} saved. Sending photo ${i + 1} of ${files.length}…`, []);
    const data = new FormData();
    const small = await shrink(file);
    data.append('file', small, small.name || file.name);
    await fetch(`/api/v1/public/complaints/${encodeURIComponent(token)}/photos`,
      { method: 'POST', body: data });
  }
  location.assign(result.tracking_url);
}

function post(body) {
  return fetch('/api/v1/public/complaints', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

function show(message, errors) {
  box.hidden = false;
  box.replaceChildren(Object.assign(document.createElement('p'), { textContent: message }));
  form.querySelectorAll('.error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    e.removeAttribute('aria-describedby');
  });
  for (const { field, message: text } of errors) {
    const p = Object.assign(document.createElement('p'),
      { className: 'error', id: `err-${field}`, textContent: text });
    const target = document.getElementById(field);
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', p.id);
      target.after(p);
    } else {
      box.append(p);
    }
  }
  box.focus?.();
}

async function shrink(file) {
  if (file.size <= SMALL || !window.createImageBitmap) return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((done) => canvas.toBlob(done, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch (e) {
    return file; // the server checks and refuses what it cannot read
  }
}

// The smallest n for which SHA-256("stamp:n") starts with `bits` zero bits.
export function prove(stamp, bits) {
  for (let n = 0; ; n++) {
    const h = sha256(new TextEncoder().encode(`${stamp}:${n}`));
    let ok = true;
    for (let i = 0; i < bits && ok; i++) ok = ((h[i >> 3] >> (7 - (i & 7))) & 1) === 0;
    if (ok) return String(n);
  }
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// SHA-256 of a short message (the proof of work hashes a few dozen bytes at a time).
export function sha256(bytes) {
  const len = bytes.length;
  const blocks = ((len + 9 + 63) >> 6) << 6;
  const m = new Uint8Array(blocks);
  m.set(bytes);
  m[len] = 0x80;
  new DataView(m.buffer).setUint32(blocks - 4, len * 8);
  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const view = new DataView(m.buffer);
  const r = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < blocks; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = r(w[i - 15], 7) ^ r(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = r(w[i - 2], 17) ^ r(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (r(e, 6) ^ r(e, 11) ^ r(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((r(a, 2) ^ r(a, 13) ^ r(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, H[i]);
  return out;
}
