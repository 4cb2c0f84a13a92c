// The one update view the panel and the tray see; every change is pushed to them as 'update.status'.
import type { UpdateView } from '../../../shared/types.js';
import type { EventBus } from '../event-bus.js';

export class UpdateViewStore {
  private view: UpdateView;

  constructor(
    private readonly bus: EventBus,
    restart: UpdateView['restart'],
  ) {
    this.view = {
      state: 'checking',
      message: 'Not checked yet.',
      checkedAt: null,
      current: null,
      target: null,
      count: 0,
      commits: [],
      localChanges: [],
      dependencies: null,
      estimate: null,
      restart,
      run: null,
      lastUpdate: null,
      restartNeeded: false,
    };
  }

  get(): UpdateView {
    return this.view;
  }

  set(patch: Partial<UpdateView>): UpdateView {
    this.view = { ...this.view, ...patch };
    this.bus.emit('update.status', this.view);
    return this.view;
  }
}
