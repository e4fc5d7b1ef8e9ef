/** Custom authority hosts a renderer might send, and what is wrong with each. */
export const BAD_AUTHORITY_HOSTS: [string, RegExp][] = [
  ['http://login.contoso.example', /must use https/],
  ['javascript:alert(1)', /must use https/],
  ['file:///etc/passwd', /must use https/],
  ['login.contoso.example', /not a URL/],
  ['https://user:secret@login.contoso.example', /credentials/],
  ['https://user@login.contoso.example', /credentials/],
  ['https://:secret@login.contoso.example', /credentials/],
  ['https://login.contoso.example:8443', /port \(443\), not 8443/],
  ['https://login.contoso.example:80', /port \(443\), not 80/],
  ['https://login.contoso.example/?prompt=none', /query or fragment/],
  ['https://login.contoso.example?', /query or fragment/],
  ['https://login.contoso.example/#token', /query or fragment/],
  ['https://login.contoso.example#', /query or fragment/],
];
