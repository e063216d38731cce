// The demo portal's own code: it logs every event the widgets send and drives the second one's role.
const log = document.getElementById('event-log');
for (const name of ['altitude-ready', 'altitude-progress', 'altitude-complete', 'altitude-error']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const detail = name === 'altitude-complete' ? { overall: event.detail.report.overall, role: event.detail.report.role } : event.detail;
    item.textContent = `${event.target.id}: ${name} ${JSON.stringify(detail)}`;
    log.prepend(item);
  });
}
document.getElementById('portal-role').addEventListener('change', (event) => {
  document.getElementById('portal').setAttribute('role', event.target.value);
});
